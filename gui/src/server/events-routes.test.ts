import assert from 'node:assert/strict';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { shutdown } from '@faces/kit';
import type { FastifyInstance } from 'fastify';
import type { RolloutSnapshot } from '../app/rollout-shape.js';
import { buildGuiApp } from './app.js';
import { readGuiConfig } from './config.js';
import { MAX_STREAMS } from './event-hub.js';
import { MAX_EVENT_BYTES } from './events-routes.js';

const EVENT = {
  name: 'face',
  namespace: 'faces',
  phase: 'Progressing',
  metadata: { eventMessage: 'Advance face.faces canary weight 5', eventType: 'Normal', timestamp: '1700000000000' },
};

async function start(t: TestContext, env: Record<string, string> = {}): Promise<{ app: FastifyInstance; url: string }> {
  const config = readGuiConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    FACE_SERVICE: '127.0.0.1:9',
    ...env,
  });
  const app = buildGuiApp(config, { appRoot: '/nonexistent', processMetrics: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  t.after(() => app.close());
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${url}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

interface Stream {
  readonly response: IncomingMessage;
  readonly snapshots: RolloutSnapshot[];
  readonly ended: Promise<void>;
  /** Resolves once a snapshot satisfies `holds`; rejects after 5 s. */
  next(holds: (snapshot: RolloutSnapshot) => boolean): Promise<RolloutSnapshot>;
}

function openStream(url: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = get(`${url}/events/stream`, (response) => {
      const snapshots: RolloutSnapshot[] = [];
      const waiters: (() => void)[] = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (data?.[1] !== undefined) snapshots.push(JSON.parse(data[1]) as RolloutSnapshot);
        }
        for (const waiter of waiters.splice(0)) waiter();
      });
      const ended = new Promise<void>((done) => response.on('close', () => done()));
      const next = (holds: (snapshot: RolloutSnapshot) => boolean) =>
        new Promise<RolloutSnapshot>((found, fail) => {
          const timer = setTimeout(() => fail(new Error(`no such snapshot in ${JSON.stringify(snapshots)}`)), 5000);
          const check = () => {
            const hit = snapshots.find(holds);
            if (hit !== undefined) {
              clearTimeout(timer);
              found(hit);
            } else waiters.push(check);
          };
          check();
        });
      resolve({ response, snapshots, ended, next });
    });
    request.on('error', reject);
  });
}

describe('POST /events and the event stream', { timeout: 60_000 }, () => {
  it('takes an event with 202 and pushes it; a page that connects later gets the state at once', async (t) => {
    const { url } = await start(t);
    const early = await openStream(url);
    t.after(() => early.response.destroy());
    assert.equal(early.response.statusCode, 200);
    assert.match(String(early.response.headers['content-type']), /^text\/event-stream/);
    await early.next((s) => s.rollouts.length === 0);
    assert.equal((await post(url, EVENT)).status, 202);
    const pushed = await early.next((s) => s.rollouts.length === 1);
    // No maxWeight in the webhook's metadata: no maximum (JSON leaves the undefined out).
    assert.deepEqual(pushed.rollouts[0]?.progress, { unit: 'weight', value: 5 });
    const late = await openStream(url);
    t.after(() => late.response.destroy());
    assert.equal((await late.next(() => true)).rollouts[0]?.message, 'Advance face.faces canary weight 5');
  });

  it("takes Argo Rollouts' notification body (our templates) as it takes Flagger's", async (t) => {
    const { url } = await start(t);
    const stream = await openStream(url);
    t.after(() => stream.response.destroy());
    const body = {
      source: 'argo-rollouts',
      name: 'smiley',
      namespace: 'faces',
      phase: 'Progressing',
      message: 'Canary step completed',
      eventType: 'Normal',
      step: '3',
      steps: '9',
      weight: '',
    };
    assert.equal((await post(url, body)).status, 202);
    const pushed = await stream.next((s) => s.rollouts.length === 1);
    assert.equal(pushed.rollouts[0]?.key, 'faces/smiley');
    assert.deepEqual(pushed.rollouts[0]?.progress, { unit: 'step', value: 3, max: 9 });
    const refused = await post(url, { ...body, weight: 'lots' });
    assert.equal(refused.status, 400);
    assert.match(JSON.parse(refused.body).error, /^"weight" must be a whole number/);
  });

  const refused: { name: string; body: unknown; status: number; error: RegExp }[] = [
    { name: 'malformed JSON', body: '{"name": "face",', status: 400, error: /^the body is not JSON$/ },
    { name: 'an empty body', body: '', status: 400, error: /^the body is not JSON$/ },
    {
      name: 'a missing field',
      body: { ...EVENT, namespace: undefined },
      status: 400,
      error: /^missing field "namespace"$/,
    },
    {
      name: 'an unknown phase',
      body: { ...EVENT, phase: 'Exploding' },
      status: 400,
      error: /^unknown phase "Exploding"/,
    },
    {
      name: `a body over ${MAX_EVENT_BYTES} bytes`,
      body: { ...EVENT, pad: 'x'.repeat(MAX_EVENT_BYTES) },
      status: 413,
      error: /too large/i,
    },
  ];
  for (const { name, body, status, error } of refused) {
    it(`refuses ${name} with ${status} and one line, and loses nothing already shown`, async (t) => {
      const { url } = await start(t);
      assert.equal((await post(url, EVENT)).status, 202);
      const answer = await post(url, body);
      assert.equal(answer.status, status);
      const reason = (JSON.parse(answer.body) as { error: string }).error;
      assert.match(reason, error);
      assert.ok(!reason.includes('\n'));
      const stream = await openStream(url);
      t.after(() => stream.response.destroy());
      assert.equal((await stream.next(() => true)).rollouts.length, 1);
    });
  }

  it('with EVENTS_TOKEN: 401 without it, 403 with a wrong one, 202 as Bearer or as the Basic password', async (t) => {
    const token = 'flagger-events-token';
    const { url } = await start(t, { EVENTS_TOKEN: token });
    assert.equal((await post(url, EVENT)).status, 401);
    assert.equal((await post(url, EVENT, { authorization: 'Bearer flagger-events-tokem' })).status, 403);
    assert.equal((await post(url, EVENT, { authorization: `Bearer ${token}` })).status, 202);
    const basic = `Basic ${Buffer.from(`flagger:${token}`).toString('base64')}`;
    assert.equal((await post(url, EVENT, { authorization: basic })).status, 202);
  });

  it(`serves at most ${MAX_STREAMS} streams; the next page gets 503 with Retry-After`, async (t) => {
    const { url } = await start(t);
    const streams = await Promise.all(Array.from({ length: MAX_STREAMS }, () => openStream(url)));
    t.after(() => {
      for (const stream of streams) stream.response.destroy();
    });
    assert.ok(streams.every((s) => s.response.statusCode === 200));
    const refused = await fetch(`${url}/events/stream`);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '5');
    streams[0]?.response.destroy();
    await streams[0]?.ended;
    const again = await openStream(url);
    t.after(() => again.response.destroy());
    await waitForStatus(again, 200);
  });

  it('ends the streams when draining starts, refuses new ones, and the shutdown is not held up', async (t) => {
    const { app, url } = await start(t);
    const stream = await openStream(url);
    await stream.next(() => true);
    const started = performance.now();
    const result = shutdown(app, 0.2, 5);
    const ended = await Promise.race([stream.ended.then(() => 'ended'), sleep(3000, 'still open')]);
    // Cut it here if it is still open, so a failure ends the test rather than hangs it.
    stream.response.destroy();
    assert.equal(ended, 'ended', 'the stream ended when draining started');
    assert.ok(performance.now() - started < 150, 'the stream ended as draining started, before the drain was over');
    assert.equal(await result, 'clean');
    assert.ok(performance.now() - started < 2000, `shutdown took ${Math.round(performance.now() - started)} ms`);
  });

  it('answers 503 to a stream asked for while draining', async (t) => {
    const { app, url } = await start(t);
    app.faces.health.state = 'draining';
    assert.equal((await fetch(`${url}/events/stream`)).status, 503);
  });
});

async function waitForStatus(stream: Stream, status: number): Promise<void> {
  assert.equal(stream.response.statusCode, status);
}
