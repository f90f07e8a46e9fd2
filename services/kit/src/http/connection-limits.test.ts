import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectionLimits } from './connection-limits.js';

describe('connectionLimits', () => {
  it('bounds headers and body by one timeout and keeps idle connections for the keep-alive timeout', () => {
    const limits = connectionLimits({ requestTimeoutMs: 10_000, keepAliveTimeoutMs: 65_000 });
    assert.equal(limits.requestTimeout, 10_000);
    assert.equal(limits.keepAliveTimeout, 65_000);
    assert.equal(limits.http.requestTimeout, 10_000);
    assert.equal(limits.http.headersTimeout, 10_000);
  });

  const intervals = [
    { name: 'checks every second for the 10 s default', requestTimeoutMs: 10_000, expected: 1000 },
    { name: 'never less often than every second', requestTimeoutMs: 300_000, expected: 1000 },
    { name: 'a tenth of a short timeout', requestTimeoutMs: 500, expected: 50 },
    { name: 'just under the 1 s cap', requestTimeoutMs: 9_990, expected: 999 },
    { name: 'the shortest timeout allowed', requestTimeoutMs: 100, expected: 10 },
  ];
  for (const { name, requestTimeoutMs, expected } of intervals) {
    it(`looks for expired requests ${name}`, () => {
      const limits = connectionLimits({ requestTimeoutMs, keepAliveTimeoutMs: 5000 });
      assert.equal(limits.http.connectionsCheckingInterval, expected);
    });
  }
});
