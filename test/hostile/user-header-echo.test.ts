import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_USER_BYTES } from '@faces/kit';
import { assertSameBytes, bodyOf, headerBytesOf, nonAsciiBytes, rawRequest } from '../helpers/header-bytes.js';
import { exchange, statusesOf } from '../helpers/raw-client.js';
import { type Stack, startStack } from '../helpers/stack.js';

const ANSWER_MS = 10_000;

/** Where each service answers a normal request; the GUI's config is a string body, its proxy a byte body. */
const TARGETS = [
  { service: 'smiley', path: '/center/' },
  { service: 'color', path: '/edge/' },
  { service: 'face', path: '/center/' },
  { service: 'gui', path: '/config.json' },
  { service: 'gui', path: '/face/center/' },
] as const;

describe('X-Faces-User with bytes 0x80–0xFF, on smiley, color, face and gui as real processes', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack?.stop());

  async function ask(service: (typeof TARGETS)[number]['service'], path: string, user: Buffer) {
    const { received } = await exchange(stack[service].port, rawRequest(path, { 'X-Faces-User': user }), ANSWER_MS);
    return { received, status: statusesOf(received)[0] };
  }

  for (const { service, path } of TARGETS) {
    it(`${service} ${path} echoes a non-ASCII user byte for byte`, async () => {
      const user = nonAsciiBytes(100);
      const { received, status } = await ask(service, path, user);
      assert.equal(status, 200);
      assertSameBytes(headerBytesOf(received, 'x-faces-user'), user, 'the echo');
    });

    it(`${service} ${path} takes a non-ASCII user of exactly ${MAX_USER_BYTES} bytes`, async () => {
      const user = nonAsciiBytes(MAX_USER_BYTES);
      const { received, status } = await ask(service, path, user);
      assert.equal(status, 200);
      assertSameBytes(headerBytesOf(received, 'x-faces-user'), user, 'the echo');
    });

    it(`${service} ${path} refuses a user of ${MAX_USER_BYTES + 1} bytes with 431, naming the header and the limit`, async () => {
      const user = Buffer.alloc(MAX_USER_BYTES + 1, 'u');
      const { received, status } = await ask(service, path, user);
      assert.equal(status, 431);
      assert.deepEqual(JSON.parse(bodyOf(received)), {
        error: `X-Faces-User is longer than ${MAX_USER_BYTES} bytes`,
      });
      assert.equal(headerBytesOf(received, 'x-faces-user'), undefined, 'the refused value is not echoed');
      assert.equal(received.indexOf(user.subarray(0, 64)), -1, 'the refused value appears nowhere in the answer');
    });
  }

  it('face refuses an 8 KiB non-ASCII user with 431 instead of answering a degraded face', async () => {
    const { received, status } = await ask('face', '/center/', nonAsciiBytes(8 * 1024));
    const degraded = headerBytesOf(received, 'x-faces-degraded')?.toString('latin1');
    assert.equal(status, 431, `face answered ${status}, degraded: ${degraded}, ${bodyOf(received)}`);
  });

  it(`face composes a clean face for a non-ASCII user of ${MAX_USER_BYTES} bytes (its backends echo it too)`, async () => {
    const { received, status } = await ask('face', '/center/', nonAsciiBytes(MAX_USER_BYTES));
    assert.equal(status, 200);
    assert.equal(headerBytesOf(received, 'x-faces-degraded'), undefined);
    assert.deepEqual(JSON.parse(bodyOf(received)).errors, []);
  });

  it('every service is still up afterwards', async () => {
    for (const service of ['smiley', 'color', 'face', 'gui'] as const) {
      const { received } = await exchange(stack[service].port, rawRequest('/healthz'), ANSWER_MS);
      assert.deepEqual(statusesOf(received), [200], service);
    }
  });
});
