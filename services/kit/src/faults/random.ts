import { randomInt } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** The one source of randomness for fault decisions: seedable, so a run can be replayed. */
export interface Rng {
  /** A uniformly distributed integer in [min, max], both included. */
  int(min: number, max: number): number;
}

export function createRng(seed: number): Rng {
  const generator = xoroshiro128plus(seed);
  return { int: (min, max) => uniformInt(generator, min, max) };
}

/** A seed for runs without FACES_SEED; it is logged so that the run can still be replayed. */
export function randomSeed(): number {
  return randomInt(0, 2 ** 31);
}
