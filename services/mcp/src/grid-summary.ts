import { FADE_START_MS, IDLE, nextView, type Observation } from '@faces/gui/cell-state';

/** What one sampled cell came to, as the audience would see it. */
export type CellCategory = 'whole' | 'degraded' | 'slow' | 'failed';

export interface CellSample {
  readonly category: CellCategory;
  /** The GUI's cell state (smiley-error, timeout, latched, …); `success` for a whole face. */
  readonly cause: string;
  readonly ms: number;
}

export interface GridSummary {
  readonly cells: number;
  readonly whole: number;
  readonly degraded: number;
  readonly slow: number;
  readonly failed: number;
  /** Cells that were not whole, by the GUI's state for them. */
  readonly causes: Record<string, number>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

function hasErrors(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    return Array.isArray(parsed.errors) && parsed.errors.length > 0;
  } catch {
    return false;
  }
}

/**
 * One answer → what its cell shows, by the GUI's own rule (cell-state.ts): whole (a face with no
 * errors), degraded (a face with a substitute for a failed backend), failed (no face) or slow
 * (whole, but later than the GUI's cells start to fade).
 */
export function classifyCell(observation: Observation, ms: number): CellSample {
  const { state } = nextView(IDLE, observation);
  if (observation.kind === 'answer' && observation.status === 200 && state !== 'face-error') {
    if (state === 'success') return { category: ms >= FADE_START_MS ? 'slow' : 'whole', cause: 'success', ms };
    if (hasErrors(observation.body)) return { category: 'degraded', cause: state, ms };
  }
  return { category: 'failed', cause: state, ms };
}

/** Nearest rank: the smallest value with at least `fraction` of the values at or below it. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? 0;
}

export function summarize(samples: readonly CellSample[]): GridSummary {
  const counts = { whole: 0, degraded: 0, slow: 0, failed: 0 };
  const causes: Record<string, number> = {};
  for (const sample of samples) {
    counts[sample.category]++;
    if (sample.cause !== 'success') causes[sample.cause] = (causes[sample.cause] ?? 0) + 1;
  }
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return {
    cells: samples.length,
    ...counts,
    causes,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted[sorted.length - 1] ?? 0,
  };
}
