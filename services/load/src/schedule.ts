/**
 * Pacing on an absolute schedule: a worker's k-th request is due at `first + k·interval`, so a
 * slow answer is made up by sending the next one sooner, and the rate stays right over time.
 * A worker that falls further behind than `maxLagMs` (a stalled target) drops the slots it
 * missed instead of bursting to catch up; like hey's ticker, it then keeps the original phase.
 */
export interface Slot {
  /** When to send (same clock as `nowMs`). */
  readonly atMs: number;
  /** Slots given up because the worker was too far behind. */
  readonly skipped: number;
}

export function nextSlot(previousMs: number, intervalMs: number, nowMs: number, maxLagMs: number): Slot {
  const due = previousMs + intervalMs;
  if (nowMs - due <= maxLagMs) return { atMs: due, skipped: 0 };
  const skipped = Math.floor((nowMs - due) / intervalMs);
  return { atMs: due + skipped * intervalMs, skipped };
}

/** Workers start spread over one interval, so `-c 2 -q 10` sends every 50 ms, not two every 100 ms. */
export function firstSlot(startMs: number, intervalMs: number, worker: number, workers: number): number {
  return startMs + (intervalMs * worker) / workers;
}
