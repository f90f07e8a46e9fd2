import type { Sample } from './rounds.js';

/** A round's figures for unit tests: plausible defaults, with the ones a test cares about given. */
export const sample = (requestsPerSecond: number, extra: Partial<Sample> = {}): Sample => ({
  requestsPerSecond,
  p50Ms: 1,
  p99Ms: 2,
  non2xx: 0,
  cpuMicrosPerRequest: 10,
  rssMiB: 60,
  anonMiB: 20,
  ...extra,
});
