import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { Recorder } from './recorder.js';

test('the success rate is the 2xx+3xx share of all requests, errors included', () => {
  const cases: { name: string; statuses: number[]; errors: number; expected: number }[] = [
    { name: 'all 200', statuses: [200, 200], errors: 0, expected: 100 },
    { name: '3xx counts as success', statuses: [200, 302], errors: 0, expected: 100 },
    { name: '4xx and 5xx fail', statuses: [200, 404, 500, 599], errors: 0, expected: 25 },
    { name: '199 is not a success', statuses: [199, 200], errors: 0, expected: 50 },
    { name: '400 is not a success (near miss of 399)', statuses: [399, 400], errors: 0, expected: 50 },
    { name: 'errors are failures', statuses: [200], errors: 3, expected: 25 },
    { name: 'nothing sent', statuses: [], errors: 0, expected: 0 },
  ];
  for (const { name, statuses, errors, expected } of cases) {
    const recorder = new Recorder();
    for (const status of statuses) recorder.recordResponse(status, 1, 0);
    for (let i = 0; i < errors; i++) recorder.recordError('connect ECONNREFUSED');
    assert.equal(recorder.summary(1000).successRate, expected, name);
  }
});

test('summarises counts, sizes, status codes and errors like hey', () => {
  const recorder = new Recorder();
  for (let i = 1; i <= 100; i++) recorder.recordResponse(i % 4 === 0 ? 500 : 200, i, 10);
  recorder.recordError('timeout');
  recorder.recordError('timeout');
  recorder.recordError('connect ECONNREFUSED');
  const summary = recorder.summary(2000);
  assert.equal(summary.requests, 103);
  assert.equal(summary.responses, 100);
  assert.equal(summary.requestsPerSecond, 51.5);
  assert.equal(summary.totalBytes, 1000);
  assert.equal(summary.bytesPerResponse, 10);
  assert.equal(summary.fastestSeconds, 0.001);
  assert.equal(summary.slowestSeconds, 0.1);
  assert.deepEqual(summary.statusCodes, { '200': 75, '500': 25 });
  assert.deepEqual(summary.errors, { timeout: 2, 'connect ECONNREFUSED': 1 });
  assert.deepEqual(
    summary.latencyPercentiles.map((p) => p.percent),
    [10, 25, 50, 75, 90, 95, 99],
  );
  assert.equal(summary.histogram.length, 11);
  assert.deepEqual(summary.histogram[0], { seconds: 0.001, count: 1 }, 'the fastest sample is in the first bar');
  assert.equal(summary.histogram[10]?.count, 10, 'the last bar holds (91, 100] ms');
  assert.equal(
    summary.histogram.reduce((sum, bar) => sum + bar.count, 0),
    100,
  );
});

test('keeps at most 50 distinct error messages, counting the rest together', () => {
  const recorder = new Recorder();
  for (let i = 0; i < 60; i++) recorder.recordError(`error ${i}`);
  const errors = recorder.summary(1).errors;
  assert.equal(Object.keys(errors).length, 51);
  assert.equal(errors['other errors'], 10);
});
