import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeTransportError } from './transport-errors.js';

describe('describeTransportError', () => {
  it("says in words what Node's and undici's codes mean", () => {
    assert.deepEqual(
      [
        'ECONNREFUSED',
        'ECONNRESET',
        'ENOTFOUND',
        'EAI_AGAIN',
        'EHOSTUNREACH',
        'UND_ERR_SOCKET',
        'UND_ERR_CONNECT_TIMEOUT',
        'UND_ERR_RES_EXCEEDED_MAX_SIZE',
      ].map(describeTransportError),
      [
        'connection refused',
        'connection reset',
        'host not found',
        'host name lookup failed',
        'host unreachable',
        'connection closed before the answer was complete',
        'no connection in time',
        'answer too large',
      ],
    );
  });

  it('has no words for a code it does not list, nor for an object property', () => {
    assert.equal(describeTransportError('EPIPE'), undefined);
    assert.equal(describeTransportError('toString'), undefined);
    assert.equal(describeTransportError(''), undefined);
  });
});
