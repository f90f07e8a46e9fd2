import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGoDuration } from './duration.js';

test('parseGoDuration reads what Go time.ParseDuration reads, and refuses the rest', () => {
  const cases: { input: string; expected: number | undefined }[] = [
    { input: '2m', expected: 120_000 },
    { input: '3s', expected: 3000 },
    { input: '1h30m', expected: 5_400_000 },
    { input: '1.5s', expected: 1500 },
    { input: '.5s', expected: 500 },
    { input: '300ms', expected: 300 },
    { input: '1500us', expected: 1.5 },
    { input: '0', expected: 0 },
    { input: '-1s', expected: -1000 },
    // Near misses: Go needs a unit on every number but a lone 0.
    { input: '10', expected: undefined },
    { input: '', expected: undefined },
    { input: 's', expected: undefined },
    { input: '1x', expected: undefined },
    { input: '1s2', expected: undefined },
    { input: '2 m', expected: undefined },
    { input: '1d', expected: undefined },
  ];
  for (const { input, expected } of cases) {
    assert.equal(parseGoDuration(input), expected, JSON.stringify(input));
  }
});
