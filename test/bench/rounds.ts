import { median } from './measure.js';

/** One target's figures from one round of load. */
export interface Sample {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  /** CPU time of the measured process per answered request, in microseconds. */
  readonly cpuMicrosPerRequest: number;
  /**
   * The measured process's memory right after this round's load: how much of the heap is garbage
   * then depends on when V8 last collected.
   */
  readonly rssMiB: number;
  readonly anonMiB: number;
}

/** The same figures over all rounds: medians, and non-2xx answers added up. */
export interface Summary extends Sample {
  /** Median over rounds of this target's req/s over the reference's req/s in the same round. */
  readonly ratioTo: (reference: readonly Sample[]) => number;
  /** The same, for CPU time per request. */
  readonly cpuRatioTo: (reference: readonly Sample[]) => number;
}

function pairedRatio(
  samples: readonly Sample[],
  reference: readonly Sample[],
  figure: (sample: Sample) => number,
): number {
  if (reference.length !== samples.length) throw new Error('ratios need the same number of rounds on both sides');
  return median(
    samples.map((sample, round) => {
      const other = reference[round];
      return other === undefined ? Number.NaN : figure(sample) / figure(other);
    }),
  );
}

/**
 * Medians of a target's rounds. Ratios pair each round with the reference's run of the same round
 * (the targets take turns, round after round), so a slow spell of the machine moves both sides.
 */
export function summarise(samples: readonly Sample[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  return {
    requestsPerSecond: median(samples.map((sample) => sample.requestsPerSecond)),
    p50Ms: median(samples.map((sample) => sample.p50Ms)),
    p99Ms: median(samples.map((sample) => sample.p99Ms)),
    non2xx: samples.reduce((total, sample) => total + sample.non2xx, 0),
    cpuMicrosPerRequest: median(samples.map((sample) => sample.cpuMicrosPerRequest)),
    rssMiB: median(samples.map((sample) => sample.rssMiB)),
    anonMiB: median(samples.map((sample) => sample.anonMiB)),
    ratioTo: (reference) => pairedRatio(samples, reference, (sample) => sample.requestsPerSecond),
    cpuRatioTo: (reference) => pairedRatio(samples, reference, (sample) => sample.cpuMicrosPerRequest),
  };
}
