const WINDOW_SECONDS = 10;

/**
 * Requests per second over the last ten one-second buckets, as the original measures it (so
 * MAX_RATE=8.5 trips at 86 requests in ten seconds). Buckets expire by time, so the rate decays
 * while idle.
 */
export class RateCounter {
  private readonly counts = new Array<number>(WINDOW_SECONDS).fill(0);
  private readonly seconds = new Array<number>(WINDOW_SECONDS).fill(-1);

  mark(nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    const slot = second % WINDOW_SECONDS;
    if (this.seconds[slot] !== second) {
      this.seconds[slot] = second;
      this.counts[slot] = 0;
    }
    this.counts[slot] = (this.counts[slot] ?? 0) + 1;
  }

  rate(nowMs: number): number {
    const second = Math.floor(nowMs / 1000);
    let total = 0;
    for (let slot = 0; slot < WINDOW_SECONDS; slot++) {
      if ((this.seconds[slot] ?? -1) > second - WINDOW_SECONDS) total += this.counts[slot] ?? 0;
    }
    return total / WINDOW_SECONDS;
  }
}
