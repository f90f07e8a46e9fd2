import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Histogram, Registry } from 'prom-client';
import { createRng } from '../faults/random.js';
import { SeriesHistogram } from './series-histogram.js';

const BUCKETS = [0.001, 0.005, 0.01, 0.1, 1];
const LABELS = ['method', 'status'] as const;

function registries() {
  const ours = new Registry();
  const theirs = new Registry();
  for (const registry of [ours, theirs]) registry.setDefaultLabels({ service: 'smiley' });
  const fast = new SeriesHistogram({
    name: 'took_seconds',
    help: 'How long',
    labelNames: LABELS,
    buckets: BUCKETS,
    registry: ours,
  });
  const reference = new Histogram({
    name: 'took_seconds',
    help: 'How long',
    labelNames: LABELS,
    buckets: BUCKETS,
    registers: [theirs],
  });
  return { ours, theirs, fast, reference };
}

describe('SeriesHistogram', () => {
  it("exposes exactly what prom-client's Histogram exposes for the same observations", async () => {
    const { ours, theirs, fast, reference } = registries();
    const rng = createRng(3);
    const sets = [
      { method: 'GET', status: 200 },
      { method: 'GET', status: 500 },
      { method: 'HEAD', status: 200 },
    ];
    // Series are listed in creation order: create them in the same order on both sides.
    const series = sets.map((labels) => fast.series(labels));
    for (const labels of sets) reference.zero(labels);
    for (let i = 0; i < 2000; i++) {
      const which = rng.int(0, sets.length - 1);
      // Bounds themselves, values between and above every bound.
      const value = i % 7 === 0 ? (BUCKETS[i % BUCKETS.length] ?? 0) : rng.int(0, 2_000_000) / 1_000_000;
      series[which]?.observe(value);
      reference.observe(sets[which] ?? {}, value);
    }
    assert.equal(await ours.metrics(), await theirs.metrics());
    // JSON (cluster aggregation): the same values and labels (prom-client adds empty exemplars).
    const json = async (registry: Registry) =>
      (await registry.getMetricsAsJSON()).map(({ name, type, values }) => ({
        name,
        type,
        values: values.map((entry) => ({
          value: entry.value,
          labels: entry.labels,
          metricName: (entry as { metricName?: string }).metricName,
        })),
      }));
    assert.deepEqual(await json(ours), await json(theirs));
  });

  it('shows a series with zero counts from its creation, like zero()', async () => {
    const { ours, theirs, fast, reference } = registries();
    fast.series({ method: 'GET', status: 200 });
    reference.zero({ method: 'GET', status: 200 });
    assert.equal(await ours.metrics(), await theirs.metrics());
    assert.match(await ours.metrics(), /took_seconds_count\{service="smiley",method="GET",status="200"\} 0/);
  });

  it('gives the same series for the same labels, and resets to zero', async () => {
    const { ours, fast } = registries();
    const first = fast.series({ method: 'GET', status: 200 });
    assert.equal(fast.series({ status: 200, method: 'GET' }), first);
    first.observe(0.5);
    assert.match(await ours.metrics(), /took_seconds_sum\{service="smiley",method="GET",status="200"\} 0.5/);
    ours.resetMetrics();
    assert.match(await ours.metrics(), /took_seconds_count\{service="smiley",method="GET",status="200"\} 0/);
  });

  it('refuses labels it was not declared with, and a second metric of the same name', () => {
    const { ours, fast } = registries();
    assert.throws(() => fast.series({ method: 'GET', status: 200, path: '/' } as never), /unknown label "path"/);
    assert.throws(
      () =>
        new SeriesHistogram({
          name: 'took_seconds',
          help: 'again',
          labelNames: LABELS,
          buckets: BUCKETS,
          registry: ours,
        }),
      /already been registered/,
    );
  });
});
