import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { subPathOf } from './sub-path.js';

describe('subPathOf', () => {
  const cases: [string, string][] = [
    ['/center/', 'center'],
    ['/edge/?row=0&col=3', 'edge'],
    ['/face/center/', 'center'],
    ['/smiley/edge/', 'edge'],
    ['/', ''],
    ['/cell/', ''],
    ['/centre/', ''],
    ['/face/', ''],
    ['/other/center/', ''],
  ];
  for (const [url, expected] of cases)
    it(`reads ${url} as ${JSON.stringify(expected)}`, () => assert.equal(subPathOf(url), expected));
});
