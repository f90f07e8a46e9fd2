import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { readKitConfig } from '../config/kit-config.js';
import { createRng } from '../faults/random.js';
import { MAX_USER_BYTES } from './faces-headers.js';
import { buildServer } from './server.js';

function build(t: TestContext) {
  const app = buildServer(
    readKitConfig({ HOSTNAME: 'pod-a' }, 'smiley'),
    { label: 'Test' },
    { rng: createRng(1), processMetrics: false, logStream: { write: () => true } as unknown as NodeJS.WritableStream },
  );
  let handled = 0;
  app.get('/*', async () => {
    handled++;
    return { ok: true };
  });
  t.after(() => app.close());
  return { app, handled: () => handled };
}

describe('the X-Faces-User limit', () => {
  const accepted = [
    { name: 'an ASCII user of exactly the limit', user: 'u'.repeat(MAX_USER_BYTES) },
    { name: 'a latin1 user of exactly the limit', user: '\u00e9'.repeat(MAX_USER_BYTES) },
    { name: 'a one-letter user', user: 'a' },
  ];
  for (const { name, user } of accepted) {
    it(`takes ${name} and echoes it`, async (t) => {
      const { app } = build(t);
      const response = await app.inject({ url: '/center/', headers: { 'x-faces-user': user } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['x-faces-user'], user);
    });
  }

  for (const url of ['/center/', '/healthz', '/metrics']) {
    it(`refuses a user one byte over the limit on ${url} with 431, a one-line reason and no echo`, async (t) => {
      const { app, handled } = build(t);
      const response = await app.inject({ url, headers: { 'x-faces-user': 'u'.repeat(MAX_USER_BYTES + 1) } });
      assert.equal(response.statusCode, 431);
      assert.equal(response.body, `{"error":"X-Faces-User is longer than ${MAX_USER_BYTES} bytes"}`);
      assert.match(String(response.headers['content-type']), /^application\/json/);
      assert.equal(response.headers['x-faces-user'], undefined);
      assert.equal(response.headers['x-faces-pod'], 'pod-a');
      assert.equal(handled(), 0, 'no route ran');
    });
  }

  it('counts a refused request out of the in-flight gauge again', async (t) => {
    const { app } = build(t);
    await app.inject({ url: '/', headers: { 'x-faces-user': 'u'.repeat(MAX_USER_BYTES + 1) } });
    const metrics = await app.inject({ url: '/metrics' });
    assert.match(metrics.body, /^http_requests_in_flight\{[^}]*\} 1$/m, 'only the scrape itself is in flight');
  });
});
