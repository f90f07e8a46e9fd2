import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { readKitConfig } from '../config/kit-config.js';
import { createRng } from '../faults/random.js';
import { buildServer } from './server.js';

function build(t: TestContext, env: Record<string, string> = {}) {
  const app = buildServer(
    readKitConfig({ HOSTNAME: 'pod-a', ...env }, 'smiley'),
    { label: 'Test' },
    {
      rng: createRng(1),
      processMetrics: false,
      logStream: { write: () => true } as unknown as NodeJS.WritableStream,
    },
  );
  app.get('/*', async () => ({ ok: true }));
  t.after(() => app.close());
  return app;
}

describe('buildServer', () => {
  it('answers a normal GET with the pod and user headers', async (t) => {
    const app = build(t);
    const response = await app.inject({ url: '/center/', headers: { 'x-faces-user': 'alice' } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['x-faces-pod'], 'pod-a');
    assert.equal(response.headers['x-faces-user'], 'alice');
    assert.equal((await app.inject({ url: '/' })).headers['x-faces-user'], 'unknown');
  });

  it('answers HEAD like GET without a body', async (t) => {
    const response = await build(t).inject({ method: 'HEAD', url: '/' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, '');
  });

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const) {
    it(`answers ${method} with 405 and Allow`, async (t) => {
      const response = await build(t).inject({ method, url: '/' });
      assert.equal(response.statusCode, 405);
      assert.equal(response.headers.allow, 'GET, HEAD');
    });
  }

  it('keeps health, readiness and metrics clean at ERROR_FRACTION=100 with latching and a rate limit', async (t) => {
    const app = build(t, { ERROR_FRACTION: '100', LATCH_FRACTION: '100', MAX_RATE: '0.1' });
    for (let i = 0; i < 20; i++) {
      for (const url of ['/healthz', '/readyz', '/ready', '/metrics']) {
        assert.equal((await app.inject({ url })).statusCode, 200, url);
      }
    }
    const normal = await app.inject({ url: '/' });
    assert.ok([429, 599].includes(normal.statusCode), `normal request got ${normal.statusCode}`);
  });

  it('answers injected errors with 500, a reason and the fault header', async (t) => {
    const response = await build(t, { ERROR_FRACTION: '100' }).inject({ url: '/' });
    assert.equal(response.statusCode, 500);
    assert.equal(response.headers['x-faces-fault'], 'error');
    assert.deepEqual(response.json(), { errors: ['Test error! (error fraction 100%)'] });
  });

  it('reports 503 on readiness while draining, and stays live', async (t) => {
    const app = build(t);
    await app.ready();
    assert.equal((await app.inject({ url: '/readyz' })).statusCode, 200);
    app.faces.health.state = 'draining';
    assert.deepEqual((await app.inject({ url: '/readyz' })).json(), { status: 'draining' });
    assert.equal((await app.inject({ url: '/ready' })).statusCode, 503);
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
    const served = await app.inject({ url: '/' });
    assert.equal(served.statusCode, 200, 'still serving while draining');
    assert.equal(served.headers.connection, 'close', 'clients reconnect elsewhere');
  });

  it('records requests by route pattern and numeric status, and counts faults', async (t) => {
    const app = build(t, { ERROR_FRACTION: '100' });
    await app.inject({ url: '/center/?row=1' });
    await app.inject({ url: '/edge/' });
    const text = (await app.inject({ url: '/metrics' })).body;
    assert.match(
      text,
      /http_request_duration_seconds_count\{service="smiley",method="GET",path="\/\*",status="500"\} 2/,
    );
    const faults = text
      .split('\n')
      .find((line) => line.startsWith('faces_injected_faults_total{') && line.includes('kind="error"'));
    assert.match(faults ?? '', / 2$/);
    assert.doesNotMatch(text, /path="\/center/);
  });

  it('answers unknown routes of a bare kit with a JSON 404', async () => {
    const app = buildServer(readKitConfig({}, 'gui'), { label: 'Bare' }, { processMetrics: false, rng: createRng(1) });
    const response = await app.inject({ url: '/nowhere' });
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json(), { error: 'Not Found', path: '/nowhere' });
    await app.close();
  });

  it('sends a generic body for a 5xx thrown by a handler', async (t) => {
    const app = build(t);
    app.get('/boom', async () => {
      throw new Error('secret detail');
    });
    const response = await app.inject({ url: '/boom' });
    assert.equal(response.statusCode, 500);
    assert.deepEqual(response.json(), { error: 'Internal Server Error' });
  });

  it('logs a failed request with its reqId at info, without a child logger per request', async (t) => {
    const lines: string[] = [];
    const logStream = { write: (line: string) => lines.push(line) > 0 } as unknown as NodeJS.WritableStream;
    const app = buildServer(readKitConfig({}, 'smiley'), { label: 'Test' }, { processMetrics: false, logStream });
    t.after(() => app.close());
    let shared: boolean | undefined;
    app.get('/boom', async (request) => {
      shared = request.log === app.log;
      throw new Error('broken');
    });
    await app.inject({ url: '/boom' });
    assert.equal(shared, true);
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request failed');
    assert.match(String(failure?.reqId), /^req-/);
    assert.equal(failure?.url, '/boom');
  });

  it('gives each request its own logger at debug, and logs its request line', async (t) => {
    const lines: string[] = [];
    const logStream = { write: (line: string) => lines.push(line) > 0 } as unknown as NodeJS.WritableStream;
    const app = buildServer(
      readKitConfig({ LOG_LEVEL: 'debug' }, 'smiley'),
      { label: 'Test' },
      {
        processMetrics: false,
        logStream,
      },
    );
    t.after(() => app.close());
    let shared: boolean | undefined;
    app.get('/*', async (request) => {
      shared = request.log === app.log;
      return { ok: true };
    });
    await app.inject({ url: '/center/' });
    assert.equal(shared, false);
    const line = lines.map((text) => JSON.parse(text)).find((entry) => entry.msg === 'request completed');
    assert.equal(line?.url, '/center/');
    assert.match(String(line?.reqId), /^req-/);
  });

  it('reports requests in flight at scrape time and labels unknown routes "unmatched"', async (t) => {
    const app = buildServer(readKitConfig({}, 'smiley'), { label: 'Test' }, { processMetrics: false });
    t.after(() => app.close());
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived: () => void = () => {};
    const bothArrived = new Promise<void>((resolve) => {
      let count = 0;
      arrived = () => {
        if (++count === 2) resolve();
      };
    });
    app.get('/hold', async () => {
      arrived();
      await held;
      return { ok: true };
    });
    const pending = [app.inject({ url: '/hold' }), app.inject({ url: '/hold' })];
    await bothArrived;
    const during = (await app.inject({ url: '/metrics' })).body;
    // The scrape itself is in flight too.
    assert.match(during, /^http_requests_in_flight\{service="smiley"\} 3$/m);
    release();
    await Promise.all(pending);
    await app.inject({ url: '/nowhere', method: 'POST' });
    const after = (await app.inject({ url: '/metrics' })).body;
    assert.match(after, /^http_requests_in_flight\{service="smiley"\} 1$/m);
    assert.match(
      after,
      /http_request_duration_seconds_count\{service="smiley",method="POST",path="unmatched",status="405"\} 1/,
    );
  });
});
