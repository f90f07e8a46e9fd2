import { LatencyHistogram } from './histogram.js';

/** Distinct error messages kept; more are counted under one line, so memory stays bounded. */
const MAX_ERROR_KINDS = 50;
const OTHER_ERRORS = 'other errors';
export const PERCENTILES = [10, 25, 50, 75, 90, 95, 99] as const;
const HISTOGRAM_BARS = 10;

/** What a run measured, in hey's terms; `--json` prints exactly this. */
export interface LoadSummary {
  readonly totalSeconds: number;
  /** Requests that got an answer or an error. */
  readonly requests: number;
  readonly responses: number;
  readonly requestsPerSecond: number;
  readonly fastestSeconds: number;
  readonly slowestSeconds: number;
  readonly averageSeconds: number;
  readonly totalBytes: number;
  readonly bytesPerResponse: number;
  readonly latencyPercentiles: readonly { readonly percent: number; readonly seconds: number }[];
  /** hey's response-time histogram: ten bars from fastest to slowest. */
  readonly histogram: readonly { readonly seconds: number; readonly count: number }[];
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly errors: Readonly<Record<string, number>>;
  /** Percent of requests answered 2xx or 3xx; errors count as failures. 0 when nothing was sent. */
  readonly successRate: number;
}

/** Counts answers as they come: a latency histogram, status codes and error messages. */
export class Recorder {
  private readonly latencies = new LatencyHistogram();
  private readonly statuses = new Map<number, number>();
  private readonly errorCounts = new Map<string, number>();
  private bytes = 0;
  private succeeded = 0;
  private failed = 0;

  get requests(): number {
    return this.latencies.count + this.failed;
  }

  get successRate(): number {
    return this.requests === 0 ? 0 : (100 * this.succeeded) / this.requests;
  }

  recordResponse(status: number, latencyMs: number, bytes: number): void {
    this.latencies.record(latencyMs);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    this.bytes += bytes;
    if (status >= 200 && status < 400) this.succeeded++;
  }

  recordError(message: string): void {
    this.failed++;
    const key = this.errorCounts.has(message) || this.errorCounts.size < MAX_ERROR_KINDS ? message : OTHER_ERRORS;
    this.errorCounts.set(key, (this.errorCounts.get(key) ?? 0) + 1);
  }

  summary(elapsedMs: number): LoadSummary {
    const seconds = elapsedMs / 1000;
    const latencies = this.latencies;
    const responses = latencies.count;
    return {
      totalSeconds: seconds,
      requests: this.requests,
      responses,
      requestsPerSecond: seconds > 0 ? this.requests / seconds : 0,
      fastestSeconds: responses === 0 ? 0 : latencies.minMs / 1000,
      slowestSeconds: latencies.maxMs / 1000,
      averageSeconds: latencies.meanMs / 1000,
      totalBytes: this.bytes,
      bytesPerResponse: responses === 0 ? 0 : this.bytes / responses,
      latencyPercentiles: PERCENTILES.map((percent) => ({ percent, seconds: latencies.percentileMs(percent) / 1000 })),
      histogram: this.bars(),
      statusCodes: Object.fromEntries(
        [...this.statuses].sort(([a], [b]) => a - b).map(([code, n]) => [String(code), n]),
      ),
      errors: Object.fromEntries([...this.errorCounts].sort(([, a], [, b]) => b - a)),
      successRate: this.successRate,
    };
  }

  /** hey's bars: marks evenly spaced from fastest to slowest, each counting samples up to it. */
  private bars(): { seconds: number; count: number }[] {
    const latencies = this.latencies;
    if (latencies.count === 0) return [];
    const step = (latencies.maxMs - latencies.minMs) / HISTOGRAM_BARS;
    const marks = Array.from({ length: HISTOGRAM_BARS + 1 }, (_, i) =>
      i === HISTOGRAM_BARS ? latencies.maxMs : latencies.minMs + step * i,
    );
    const counts = marks.map(() => 0);
    for (const { ms, count } of latencies.buckets()) {
      const bar = marks.findIndex((mark) => ms <= mark);
      const index = bar === -1 ? HISTOGRAM_BARS : bar;
      counts[index] = (counts[index] ?? 0) + count;
    }
    return marks.map((ms, i) => ({ seconds: ms / 1000, count: counts[i] ?? 0 }));
  }
}
