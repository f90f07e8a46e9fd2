/**
 * Latencies in log-spaced buckets: fixed memory (about 9 KB) however long the run, percentiles
 * within 1 % of the true value. Our own because hdr-histogram-js's public API cannot count the
 * samples between two values, which hey's response-time histogram needs.
 */
const SMALLEST_MS = 0.001;
const GROWTH = 1.01;
const LARGEST_MS = 3_600_000;
const BUCKETS = Math.ceil(Math.log(LARGEST_MS / SMALLEST_MS) / Math.log(GROWTH)) + 1;

export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  count = 0;
  sumMs = 0;
  minMs = Number.POSITIVE_INFINITY;
  maxMs = 0;

  record(ms: number): void {
    const value = Math.min(Math.max(ms, 0), LARGEST_MS);
    const index = value <= SMALLEST_MS ? 0 : Math.ceil(Math.log(value / SMALLEST_MS) / Math.log(GROWTH));
    this.counts[Math.min(index, BUCKETS - 1)] = (this.counts[Math.min(index, BUCKETS - 1)] ?? 0) + 1;
    this.count++;
    this.sumMs += value;
    if (value < this.minMs) this.minMs = value;
    if (value > this.maxMs) this.maxMs = value;
  }

  get meanMs(): number {
    return this.count === 0 ? 0 : this.sumMs / this.count;
  }

  /** The latency under which `percent` of samples fall (0 with no samples). */
  percentileMs(percent: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil((percent / 100) * this.count));
    let seen = 0;
    for (let index = 0; index < BUCKETS; index++) {
      seen += this.counts[index] ?? 0;
      if (seen >= rank) return this.representative(index);
    }
    return this.maxMs;
  }

  /**
   * Each non-empty bucket as (its lower bound, how many samples): the fastest sample's bucket then
   * starts at the fastest value, where hey's first bar is.
   */
  *buckets(): Generator<{ ms: number; count: number }> {
    for (let index = 0; index < BUCKETS; index++) {
      const count = this.counts[index] ?? 0;
      if (count > 0) yield { ms: this.clamp(index === 0 ? 0 : SMALLEST_MS * GROWTH ** (index - 1)), count };
    }
  }

  /** The bucket's upper bound (a percentile is never understated), kept inside what was observed. */
  private representative(index: number): number {
    return this.clamp(SMALLEST_MS * GROWTH ** index);
  }

  private clamp(ms: number): number {
    return Math.min(Math.max(ms, this.minMs), this.maxMs);
  }
}
