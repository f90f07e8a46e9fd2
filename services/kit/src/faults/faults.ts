import type { FaultConfig } from '../config/kit-config.js';
import type { Rng } from './random.js';
import { RateCounter } from './rate-counter.js';

export type FaultKind = 'rate-limited' | 'latched' | 'error';

export interface FaultDecision {
  /** Milliseconds to wait before answering (or before failing). */
  readonly delayMs: number;
  /** undefined: serve the request normally. */
  readonly fault: FaultKind | undefined;
  /** A human-readable reason, sent in the fault's `errors`. */
  readonly reason: string;
}

export const FAULT_STATUS: Readonly<Record<FaultKind, number>> = Object.freeze({
  'rate-limited': 429,
  latched: 599,
  error: 500,
});

/** Exactly `percent` % of draws are true: 0..99 < percent (the original's <= failed 21 % at 20). */
export function rollPercent(rng: Rng, percent: number): boolean {
  return rng.int(0, 99) < percent;
}

export function pickDelay(rng: Rng, buckets: readonly number[]): number {
  if (buckets.length === 0) return 0;
  return buckets[rng.int(0, buckets.length - 1)] ?? 0;
}

/** Whether any fault can ever fire with these settings. */
export function faultsConfigured(config: FaultConfig): boolean {
  return config.errorFraction > 0 || config.maxRate > 0 || config.delayBuckets.some((delay) => delay > 0);
}

/**
 * Decides, request by request, what fault to inject. Order as in the original: the delay is
 * drawn for every request; an idle latch is released; the rate limit (which counts every request)
 * wins over the latch, which wins over a fresh error. Only the error draw may latch.
 */
export class FaultInjector {
  private readonly rateCounter = new RateCounter();
  private latched = false;
  private lastRequestMs: number | undefined;

  constructor(
    readonly config: FaultConfig,
    private readonly rng: Rng,
    private readonly serviceLabel: string,
  ) {}

  get isLatched(): boolean {
    return this.latched;
  }

  /** The current request rate, as MAX_RATE sees it. */
  currentRate(nowMs: number): number {
    return this.rateCounter.rate(nowMs);
  }

  decide(nowMs: number): FaultDecision {
    const { config, rng } = this;
    const delayMs = pickDelay(rng, config.delayBuckets);
    if (
      this.latched &&
      this.lastRequestMs !== undefined &&
      nowMs - this.lastRequestMs > config.latchIdleSeconds * 1000
    ) {
      this.latched = false;
    }
    this.lastRequestMs = nowMs;

    if (config.maxRate > 0) {
      this.rateCounter.mark(nowMs);
      const rate = this.rateCounter.rate(nowMs);
      if (rate > config.maxRate) {
        return {
          delayMs,
          fault: 'rate-limited',
          reason: `Rate limited (${rate.toFixed(1)} RPS > max ${config.maxRate} RPS)`,
        };
      }
    }
    if (this.latched) return { delayMs, fault: 'latched', reason: 'Latched into error state' };
    if (config.errorFraction > 0 && rollPercent(rng, config.errorFraction)) {
      if (config.latchFraction > 0 && rollPercent(rng, config.latchFraction)) {
        this.latched = true;
        return {
          delayMs,
          fault: 'latched',
          reason: `${this.serviceLabel} error latched! (latch fraction ${config.latchFraction}%)`,
        };
      }
      return {
        delayMs,
        fault: 'error',
        reason: `${this.serviceLabel} error! (error fraction ${config.errorFraction}%)`,
      };
    }
    return { delayMs, fault: undefined, reason: '' };
  }
}
