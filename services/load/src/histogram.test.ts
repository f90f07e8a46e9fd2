import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { LatencyHistogram } from './histogram.js';

test('percentiles of 1..1000 ms fall within 1 % of the exact ones', () => {
  const histogram = new LatencyHistogram();
  for (let ms = 1; ms <= 1000; ms++) histogram.record(ms);
  const cases = [
    { percent: 10, exact: 100 },
    { percent: 50, exact: 500 },
    { percent: 90, exact: 900 },
    { percent: 99, exact: 990 },
    { percent: 100, exact: 1000 },
  ];
  for (const { percent, exact } of cases) {
    const got = histogram.percentileMs(percent);
    assert.ok(Math.abs(got - exact) <= exact * 0.01, `p${percent}: ${got} vs ${exact}`);
  }
  assert.equal(histogram.count, 1000);
  assert.equal(histogram.minMs, 1);
  assert.equal(histogram.maxMs, 1000);
  assert.equal(histogram.meanMs, 500.5);
});

test('never reports a percentile outside the observed range', () => {
  const histogram = new LatencyHistogram();
  histogram.record(3.3);
  assert.equal(histogram.percentileMs(1), 3.3);
  assert.equal(histogram.percentileMs(100), 3.3);
});

test('an empty histogram reports zeros, and huge or negative samples are clamped', () => {
  const histogram = new LatencyHistogram();
  assert.equal(histogram.percentileMs(50), 0);
  assert.equal(histogram.meanMs, 0);
  histogram.record(-5);
  histogram.record(1e12);
  assert.equal(histogram.minMs, 0);
  assert.equal(histogram.maxMs, 3_600_000);
  assert.equal(
    [...histogram.buckets()].reduce((sum, bucket) => sum + bucket.count, 0),
    2,
  );
});
