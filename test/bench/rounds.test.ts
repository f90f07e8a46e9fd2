import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarise } from './rounds.js';
import { sample } from './sample-fixture.js';

describe('summarise', () => {
  it('takes medians per figure and adds up non-2xx answers', () => {
    const summary = summarise([
      sample(100, { p50Ms: 3, non2xx: 1, cpuMicrosPerRequest: 30, rssMiB: 80, anonMiB: 38 }),
      sample(300, { p50Ms: 1, non2xx: 2, cpuMicrosPerRequest: 10, rssMiB: 60, anonMiB: 18 }),
      sample(200, { p50Ms: 2, cpuMicrosPerRequest: 20, rssMiB: 70, anonMiB: 28 }),
    ]);
    assert.equal(summary.requestsPerSecond, 200);
    assert.equal(summary.p50Ms, 2);
    assert.equal(summary.non2xx, 3);
    assert.equal(summary.cpuMicrosPerRequest, 20);
    assert.equal(summary.rssMiB, 70);
    assert.equal(summary.anonMiB, 28);
  });

  it('pairs each round with the reference run of the same round', () => {
    // The machine halves its speed in round 2: the paired ratio stays exact.
    const reference = [sample(1000), sample(500), sample(1000)];
    assert.equal(summarise([sample(500), sample(250), sample(500)]).ratioTo(reference), 0.5);
    // Per-round ratios 0.3, 0.8, 0.25: their median, not the ratio of the medians (0.375).
    assert.equal(
      summarise([sample(300), sample(400), sample(200)]).ratioTo([sample(1000), sample(500), sample(800)]),
      0.3,
    );
  });

  it('pairs CPU per request round by round too', () => {
    const reference = [
      sample(1, { cpuMicrosPerRequest: 100 }),
      sample(1, { cpuMicrosPerRequest: 200 }),
      sample(1, { cpuMicrosPerRequest: 100 }),
    ];
    const target = [
      sample(1, { cpuMicrosPerRequest: 80 }),
      sample(1, { cpuMicrosPerRequest: 180 }),
      sample(1, { cpuMicrosPerRequest: 70 }),
    ];
    // Per-round 0.8, 0.9, 0.7: the median is 0.8.
    assert.equal(summarise(target).cpuRatioTo(reference), 0.8);
  });

  it('refuses ratios over different numbers of rounds, and empty input', () => {
    assert.throws(() => summarise([sample(1)]).ratioTo([sample(1), sample(2)]), /same number of rounds/);
    assert.throws(() => summarise([]), /no samples/);
  });
});
