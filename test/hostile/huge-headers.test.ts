import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rawRequest } from '../helpers/header-bytes.js';
import { exchange, statusesOf } from '../helpers/raw-client.js';
import { type Stack, startStack } from '../helpers/stack.js';

const ANSWER_MS = 10_000;
/** Node's default --max-http-header-size is 16 KiB for the whole head; these go well past it. */
const OVER_NODE_LIMIT = 20 * 1024;

/** A normal request on each service (the GUI has no /center/ of its own). */
const NORMAL_PATH = { smiley: '/center/', color: '/center/', face: '/center/', gui: '/face/center/' } as const;

const CASES = [
  { name: 'one header of 20 KiB', headers: { 'X-Padding': 'p'.repeat(OVER_NODE_LIMIT) } },
  {
    name: '40 headers of 512 bytes',
    headers: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`X-Padding-${i}`, 'p'.repeat(512)])),
  },
  { name: 'an X-Faces-User of 20 KiB', headers: { 'X-Faces-User': 'u'.repeat(OVER_NODE_LIMIT) } },
];

describe('request heads over Node’s header limit, on every service', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack?.stop());

  for (const service of ['smiley', 'color', 'face', 'gui'] as const) {
    const path = NORMAL_PATH[service];
    for (const { name, headers } of CASES) {
      it(`${service} answers ${name} with 431 and closes the connection`, async () => {
        const { received, closed } = await exchange(stack[service].port, rawRequest(path, headers), ANSWER_MS);
        assert.deepEqual(statusesOf(received), [431]);
        assert.ok(closed, 'the connection is closed');
      });
    }

    it(`${service} still answers normal requests afterwards`, async () => {
      for (const url of ['/healthz', path]) {
        const { received } = await exchange(stack[service].port, rawRequest(url), ANSWER_MS);
        assert.deepEqual(statusesOf(received), [200], url);
      }
    });
  }
});
