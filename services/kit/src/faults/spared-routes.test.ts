// Which requests the faults hook spares, asked of a real kit app at ERROR_FRACTION=100: the routes
// that declare `config: { faults: false }` (the kit's own, and a service's), methods other than GET
// and HEAD; and which it does not: near-misses of a spared path and paths no route matches (404s).
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { readKitConfig } from '../config/kit-config.js';
import { buildServer } from '../http/server.js';

const TOKEN = 'spared-routes-token-0';

function build(t: TestContext) {
  const app = buildServer(
    readKitConfig({ HOSTNAME: 'pod-a', ERROR_FRACTION: '100', CONTROL_TOKEN: TOKEN }, 'smiley'),
    { label: 'Smiley' },
    { processMetrics: false, logStream: { write: () => true } as unknown as NodeJS.WritableStream },
  );
  app.get('/center/', async () => ({ ok: true }));
  app.get('/report', { config: { faults: false } }, async () => ({ ok: true }));
  t.after(() => app.close());
  return app;
}

const faulted = (response: LightMyRequestResponse) => response.headers['x-faces-fault'] !== undefined;
const auth = { authorization: `Bearer ${TOKEN}` };

describe('the routes faults spare, by their declaration', () => {
  const spared = ['/healthz', '/healthz?probe=1', '/readyz', '/ready', '/metrics', '/faults', '/report'];
  for (const url of spared) {
    it(`never faults GET or HEAD ${url}`, async (t) => {
      const app = build(t);
      for (const method of ['GET', 'HEAD'] as const) {
        for (let i = 0; i < 20; i++) {
          const response = await app.inject({ method, url, headers: auth });
          assert.ok(
            !faulted(response),
            `${method} ${url}: ${response.statusCode} ${response.headers['x-faces-fault']}`,
          );
          assert.notEqual(response.statusCode, 500, `${method} ${url}`);
        }
      }
    });
  }

  it('never faults a method other than GET and HEAD, on any route', async (t) => {
    const app = build(t);
    for (const [method, url] of [
      ['PUT', '/center/'],
      ['DELETE', '/center/'],
      ['POST', '/nowhere'],
    ] as const) {
      const response = await app.inject({ method, url });
      assert.ok(!faulted(response), `${method} ${url}: ${response.statusCode}`);
    }
  });

  const notSpared = ['/center/', '/healthzz', '/healthz/', '/metrics/x', '/readyz2', '/faultsx', '/report/x', '/'];
  for (const url of notSpared) {
    it(`faults ${url} as any request (a near-miss of a spared route is not spared)`, async (t) => {
      const response = await build(t).inject({ url });
      assert.equal(response.statusCode, 500, url);
      assert.equal(response.headers['x-faces-fault'], 'error', url);
    });
  }

  it('faults a path no route matches (the 404) before the not-found answer, as any GET', async (t) => {
    const response = await build(t).inject({ url: '/nowhere?x=1', headers: { 'x-faces-user': 'alice' } });
    assert.equal(response.statusCode, 500);
    assert.equal(response.headers['x-faces-fault'], 'error');
    assert.equal(response.json().error, undefined, 'answered by the not-found handler, not the fault');
  });
});
