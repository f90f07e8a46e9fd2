import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { readKitConfig } from '../config/kit-config.js';
import { buildServer } from '../http/server.js';
import { createRng } from './random.js';

const TOKEN = 'control-token-for-tests';
const AUTH = { authorization: `Bearer ${TOKEN}` };

function build(t: TestContext, env: Record<string, string> = {}) {
  const app = buildServer(
    readKitConfig({ HOSTNAME: 'pod-a', CONTROL_TOKEN: TOKEN, ...env }, 'smiley'),
    { label: 'Test' },
    { rng: createRng(1), processMetrics: false, logStream: { write: () => true } as unknown as NodeJS.WritableStream },
  );
  app.get('/*', async () => ({ ok: true }));
  t.after(() => app.close());
  return app;
}

describe('the fault control routes', () => {
  it('answer 404 to every method when CONTROL_TOKEN is unset, even with a token', async (t) => {
    const app = build(t, { CONTROL_TOKEN: '' });
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const answer = await app.inject({
        method,
        url: '/faults',
        headers: AUTH,
        payload: method === 'PUT' ? {} : undefined,
      });
      assert.equal(answer.statusCode, 404, method);
    }
  });

  const refusals: { name: string; headers: Record<string, string>; status: number }[] = [
    { name: 'no Authorization', headers: {}, status: 401 },
    {
      name: 'a Basic credential',
      headers: { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` },
      status: 401,
    },
    { name: 'a wrong token', headers: { authorization: 'Bearer control-token-for-test' }, status: 403 },
  ];
  for (const { name, headers, status } of refusals) {
    it(`refuse ${name} with ${status}, for every method`, async (t) => {
      const app = build(t);
      for (const method of ['GET', 'PUT', 'DELETE'] as const) {
        const answer = await app.inject({
          method,
          url: '/faults',
          headers,
          payload: method === 'PUT' ? { errorFraction: 100 } : undefined,
        });
        assert.equal(answer.statusCode, status, method);
        assert.ok(!answer.body.includes(TOKEN));
      }
      assert.equal((await app.inject({ url: '/' })).statusCode, 200, 'a refused PUT changed nothing');
    });
  }

  it('show, replace and reset the settings', async (t) => {
    const app = build(t, { ERROR_FRACTION: '0', DELAY_BUCKETS: '0' });
    const shown = await app.inject({ url: '/faults', headers: AUTH });
    assert.equal(shown.statusCode, 200);
    const environment = { errorFraction: 0, latchFraction: 0, delayBuckets: [0], maxRate: 0 };
    assert.deepEqual(shown.json(), { environment, base: environment, users: {} });

    const put = await app.inject({ method: 'PUT', url: '/faults', headers: AUTH, payload: { errorFraction: 100 } });
    assert.equal(put.statusCode, 200);
    assert.equal(put.json().base.errorFraction, 100);
    assert.equal((await app.inject({ url: '/' })).statusCode, 500);

    const reset = await app.inject({ method: 'DELETE', url: '/faults', headers: AUTH });
    assert.deepEqual(reset.json().base, environment);
    assert.equal((await app.inject({ url: '/' })).statusCode, 200);
  });

  it('GET and DELETE with Content-Type: application/json and no body: 200, not 400', async (t) => {
    const app = build(t);
    const json = { ...AUTH, 'content-type': 'application/json' };
    for (const headers of [json, { ...json, 'content-length': '0' }]) {
      for (const method of ['GET', 'DELETE'] as const) {
        const answer = await app.inject({ method, url: '/faults', headers });
        assert.equal(answer.statusCode, 200, `${method} ${JSON.stringify(headers)}: ${answer.body}`);
      }
    }
    const put = await app.inject({ method: 'PUT', url: '/faults', headers: json });
    assert.equal(put.statusCode, 400, 'a PUT still needs its body');
  });

  it("target one user's requests, and DELETE ?user= forgets only that user", async (t) => {
    const app = build(t);
    await app.inject({
      method: 'PUT',
      url: '/faults',
      headers: AUTH,
      payload: { errorFraction: 100, user: 'testuser' },
    });
    await app.inject({ method: 'PUT', url: '/faults', headers: AUTH, payload: { maxRate: 1000, user: 'other' } });
    assert.equal((await app.inject({ url: '/', headers: { 'x-faces-user': 'testuser' } })).statusCode, 500);
    assert.equal((await app.inject({ url: '/' })).statusCode, 200);
    const after = await app.inject({ method: 'DELETE', url: '/faults?user=testuser', headers: AUTH });
    assert.deepEqual(Object.keys(after.json().users), ['other']);
    assert.equal((await app.inject({ url: '/', headers: { 'x-faces-user': 'testuser' } })).statusCode, 200);
  });

  it("refuse a bad value with 400 and the environment reader's message, naming the field", async (t) => {
    const app = build(t);
    const answer = await app.inject({ method: 'PUT', url: '/faults', headers: AUTH, payload: { errorFraction: 150 } });
    assert.equal(answer.statusCode, 400);
    assert.deepEqual(answer.json(), {
      error: 'errorFraction: ERROR_FRACTION="150" is not valid: an integer percent from 0 to 100',
      field: 'errorFraction',
    });
    const broken = await app.inject({
      method: 'PUT',
      url: '/faults',
      headers: { ...AUTH, 'content-type': 'application/json' },
      payload: '{"errorFraction": 1',
    });
    assert.equal(broken.statusCode, 400);
    const huge = await app.inject({
      method: 'PUT',
      url: '/faults',
      headers: AUTH,
      payload: { user: 'x'.repeat(20_000) },
    });
    assert.equal(huge.statusCode, 413);
  });

  it('are never faulted and do not move the rate window, at ERROR_FRACTION=100 with a rate limit', async (t) => {
    const app = build(t, { ERROR_FRACTION: '100', MAX_RATE: '0.5' });
    for (let i = 0; i < 20; i++) assert.equal((await app.inject({ url: '/faults', headers: AUTH })).statusCode, 200);
    // 20 control calls in the window: were they counted, 0.5 RPS would be far behind us.
    const first = await app.inject({ url: '/' });
    assert.equal(first.headers['x-faces-fault'], 'error', 'the first normal request is faulted, not rate limited');
  });

  it('answer POST with 405 naming PUT and DELETE among the allowed methods', async (t) => {
    const answer = await build(t).inject({ method: 'POST', url: '/faults', headers: AUTH });
    assert.equal(answer.statusCode, 405);
    assert.equal(answer.headers.allow, 'GET, HEAD, PUT, DELETE');
  });
});
