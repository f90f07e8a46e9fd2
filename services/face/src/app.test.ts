import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { backendPath, buildFaceApp } from './app.js';
import { readFaceConfig } from './config.js';

describe('backendPath', () => {
  const cases = [
    { url: '/', expected: '/' },
    { url: '/center/', expected: '/center/' },
    { url: '/center', expected: '/center/' },
    { url: '/edge/?row=1&col=2', expected: '/edge/?row=1&col=2' },
    { url: '/face/edge/', expected: '/edge/' },
    { url: '/face/center/?row=0', expected: '/center/?row=0' },
    { url: '/centre/', expected: '/' },
    { url: '/cell/center/', expected: '/' },
    { url: '/?now=1', expected: '/?now=1' },
  ];
  for (const { url, expected } of cases) {
    it(`asks the backends for ${expected} when asked for ${url}`, () => assert.equal(backendPath(url), expected));
  }
});

describe("face's own faults", () => {
  let calls = 0;
  let stub: Server;
  let origin = '';

  before(async () => {
    stub = createServer((_request, response) => {
      calls++;
      response.end('{"smiley":"&#x1F603;","color":"#228833"}');
    });
    stub.listen(0, '127.0.0.1');
    await once(stub, 'listening');
    const address = stub.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  after(() => {
    stub.closeAllConnections();
    stub.close();
  });

  const build = (env: Record<string, string>) =>
    buildFaceApp(readFaceConfig({ SMILEY_SERVICE: origin, COLOR_SERVICE: origin, LOG_LEVEL: 'silent', ...env }), {
      processMetrics: false,
    });

  const cases: { env: Record<string, string>; status: number; fault: string; degraded: string }[] = [
    { env: { ERROR_FRACTION: '100' }, status: 500, fault: 'error', degraded: 'injected' },
    { env: { ERROR_FRACTION: '100', LATCH_FRACTION: '100' }, status: 599, fault: 'latched', degraded: 'injected' },
  ];
  for (const { env, status, fault, degraded } of cases) {
    it(`answers ${status} marked ${degraded} with ${JSON.stringify(env)}, without calling a backend`, async (t) => {
      const app = build(env);
      t.after(() => app.close());
      const before = calls;
      const response = await app.inject({ method: 'GET', url: '/center/' });
      assert.equal(response.statusCode, status);
      assert.equal(response.headers['x-faces-fault'], fault);
      assert.equal(response.headers['x-faces-degraded'], degraded);
      assert.equal(calls, before);
    });
  }

  it('answers a whole face with no degradation header when no fault is set (the near miss)', async (t) => {
    const app = build({ ERROR_FRACTION: '0' });
    t.after(() => app.close());
    const response = await app.inject({ method: 'GET', url: '/center/' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { smiley: '&#x1F603;', color: '#228833', errors: [] });
    assert.equal(response.headers['x-faces-degraded'], undefined);
  });

  it('keeps /rl free of faults', async (t) => {
    const app = build({ ERROR_FRACTION: '100', MAX_RATE: '0.5' });
    t.after(() => app.close());
    const response = await app.inject({ method: 'GET', url: '/rl' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { rl: 0, maxRate: 0.5 });
  });

  it('never faults GET or HEAD /rl, nor the control forwards, at ERROR_FRACTION=100 with latching', async (t) => {
    const token = 'face-spared-token-00';
    const app = build({ ERROR_FRACTION: '100', LATCH_FRACTION: '100', CONTROL_TOKEN: token });
    t.after(() => app.close());
    for (const url of ['/rl', '/rl?x=1', '/faults/smiley', '/faults/color']) {
      for (const method of ['GET', 'HEAD'] as const) {
        const response = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
        assert.equal(response.headers['x-faces-fault'], undefined, `${method} ${url}: ${response.statusCode}`);
        assert.ok(response.statusCode < 500, `${method} ${url}: ${response.statusCode}`);
      }
    }
  });

  for (const url of ['/rlx', '/rl/', '/rl/x', '/faults/nowhere/x']) {
    it(`faults ${url} as any face (a near-miss of a spared route is not spared)`, async (t) => {
      const app = build({ ERROR_FRACTION: '100' });
      t.after(() => app.close());
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 500, url);
      assert.equal(response.headers['x-faces-fault'], 'error', url);
    });
  }
});
