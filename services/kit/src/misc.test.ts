import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isExcludedFromFaults } from './faults/reserved-routes.js';

describe('isExcludedFromFaults', () => {
  const cases: [string, boolean][] = [
    ['/healthz', true],
    ['/healthz?probe=1', true],
    ['/readyz', true],
    ['/ready', true],
    ['/metrics', true],
    ['/rl', true],
    ['/healthzz', false],
    ['/healthz/', false],
    ['/metrics/x', false],
    ['/readyz2', false],
    ['/', false],
    ['/center/', false],
  ];
  for (const [url, excluded] of cases) {
    it(`${excluded ? 'excludes' : 'does not exclude'} ${url}`, () => assert.equal(isExcludedFromFaults(url), excluded));
  }
});
