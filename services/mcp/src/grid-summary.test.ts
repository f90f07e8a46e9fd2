import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyCell, percentile, summarize } from './grid-summary.js';

const face = (errors: string[], smiley = '&#x1F603;', color = '#228833') => JSON.stringify({ smiley, color, errors });

describe('classifyCell', () => {
  const table: [string, Parameters<typeof classifyCell>[0], number, string, string][] = [
    ['a whole face', { kind: 'answer', status: 200, body: face([]) }, 10, 'whole', 'success'],
    ['a whole face past the fade', { kind: 'answer', status: 200, body: face([]) }, 2000, 'slow', 'success'],
    [
      'a face with the smiley substitute',
      { kind: 'answer', status: 200, body: face(['smiley: 500'], '&#x1F92E;') },
      10,
      'degraded',
      'smiley-error',
    ],
    [
      'a face with the color substitute',
      { kind: 'answer', status: 200, body: face(['color: 500'], '&#x1F603;', '#AA3377') },
      10,
      'degraded',
      'color-error',
    ],
    [
      'a face with a rate-limited smiley',
      { kind: 'answer', status: 200, body: face(['smiley: 429'], '\u{1F92F}') },
      10,
      'degraded',
      'rate-limited',
    ],
    ['face failing', { kind: 'answer', status: 500, body: '{"errors":["boom"]}' }, 10, 'failed', 'face-error'],
    ['face latched', { kind: 'answer', status: 599, body: '' }, 10, 'failed', 'latched'],
    ['face rate-limited', { kind: 'answer', status: 429, body: '' }, 10, 'failed', 'rate-limited'],
    ['a gateway timeout', { kind: 'answer', status: 504, body: '' }, 10, 'failed', 'timeout'],
    ['no answer in time', { kind: 'timeout' }, 5000, 'failed', 'timeout'],
    ['a network failure', { kind: 'network', message: 'refused' }, 1, 'failed', 'face-error'],
    ['a 200 that is no face', { kind: 'answer', status: 200, body: 'hello' }, 1, 'failed', 'face-error'],
  ];
  for (const [what, observation, ms, category, cause] of table) {
    it(`${what}: ${category} (${cause})`, () => {
      assert.deepEqual(classifyCell(observation, ms), { category, cause, ms });
    });
  }
});

describe('summarize', () => {
  it('counts the categories, the causes of the others, and nearest-rank percentiles', () => {
    const samples = [
      ...Array.from({ length: 97 }, (_, i) => ({ category: 'whole' as const, cause: 'success', ms: i + 1 })),
      { category: 'degraded' as const, cause: 'smiley-error', ms: 500 },
      { category: 'failed' as const, cause: 'timeout', ms: 5000 },
      { category: 'slow' as const, cause: 'success', ms: 2500 },
    ];
    const summary = summarize(samples);
    assert.deepEqual(summary, {
      cells: 100,
      whole: 97,
      degraded: 1,
      slow: 1,
      failed: 1,
      causes: { 'smiley-error': 1, timeout: 1 },
      p50Ms: 50,
      p99Ms: 2500,
      maxMs: 5000,
    });
  });

  it('has percentiles of 0 for no samples, and the value itself for one', () => {
    assert.equal(percentile([], 0.5), 0);
    assert.equal(percentile([7], 0.99), 7);
    assert.equal(percentile([1, 2], 0.5), 1);
  });
});
