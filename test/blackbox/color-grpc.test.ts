// color serves its gRPC ColorService and its HTTP/1.1 JSON on one port: checked with an
// independent client (grpc-js fed only the .proto) against the real process.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ColorClient, colorClient, GRPC_STATUS } from '../helpers/grpc-client.js';
import { createAgent, get } from '../helpers/http.js';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { parsePrometheus, sumOf } from '../helpers/prometheus.js';
import { collect, exchange, openRaw, statusesOf } from '../helpers/raw-client.js';
import { waitUntil } from '../helpers/wait-until.js';

const BLUE = '#66CCEE';
const RED = '#EE6677';

async function startColor(env: Record<string, string>): Promise<{ color: RunningService; client: ColorClient }> {
  const color = await startFaces(['color'], { FACES_SEED: '1', ...env });
  return { color, client: colorClient(color.port) };
}

describe('color over gRPC, beside HTTP/1.1 on the same port', () => {
  const agent = createAgent(16);
  let color: RunningService;
  let client: ColorClient;
  before(async () => {
    ({ color, client } = await startColor({ COLOR: 'blue' }));
  });
  after(async () => {
    client?.close();
    await agent.close();
    await color?.stop();
  });

  it('Center and Edge answer the color and echo the user and the pod in the response metadata', async () => {
    const center = await client.center({ row: 1, column: 2 }, { 'x-faces-user': 'alice' });
    assert.equal(center.code, 0, center.details);
    assert.equal(center.reply?.color, BLUE);
    assert.equal(center.headers['x-faces-user'], 'alice');
    assert.match(center.headers['x-faces-pod'] ?? '', /^\S+$/);
    const edge = await client.edge();
    assert.equal(edge.reply?.color, BLUE);
    assert.equal(edge.headers['x-faces-user'], 'unknown');
  });

  it('UpdateColor changes the edge only; gRPC and HTTP GETs then answer centre and edge apart', async () => {
    const updated = await client.updateColor({ which: 'edge', color: 'red' });
    assert.equal(updated.code, 0, updated.details);
    assert.deepEqual(updated.reply, { which: 'edge', color: RED });
    assert.equal((await client.edge()).reply?.color, RED);
    assert.equal((await client.center()).reply?.color, BLUE);
    assert.deepEqual(JSON.parse((await get(`${color.url}/edge/`, { agent })).body), { color: RED });
    assert.deepEqual(JSON.parse((await get(`${color.url}/center/`, { agent })).body), { color: BLUE });
    const back = await client.updateColor({ which: 'all', color: '#66CCEE' });
    assert.deepEqual(back.reply, { which: 'all', color: BLUE });
    assert.equal((await client.edge()).reply?.color, BLUE);
  });

  const refusals = [
    {
      name: 'an unknown which',
      request: { which: 'middle', color: 'red' },
      details: /which.*center, edge, all.*"middle"/,
    },
    { name: 'a missing which', request: { color: 'red' }, details: /"which" is missing/ },
    { name: 'an empty color', request: { which: 'all', color: '' }, details: /"color" is empty/ },
    { name: 'an unknown color', request: { which: 'all', color: 'gren' }, details: /unknown color "gren"/ },
    { name: 'a hex color one digit short', request: { which: 'all', color: '#12' }, details: /unknown color "#12"/ },
  ];
  for (const { name, request, details } of refusals) {
    it(`UpdateColor refuses ${name} with INVALID_ARGUMENT and changes nothing`, async () => {
      const answer = await client.updateColor(request);
      assert.equal(answer.code, GRPC_STATUS.INVALID_ARGUMENT);
      assert.match(answer.details, /^failed to set color: /);
      assert.match(answer.details, details);
      assert.equal((await client.center()).reply?.color, BLUE);
    });
  }

  it('serves 100 gRPC calls and 100 HTTP/1.1 GETs at once', async () => {
    const grpcCalls = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? client.center() : client.edge()));
    const httpGets = Array.from({ length: 100 }, () => get(`${color.url}/center/`, { agent }));
    const [grpcAnswers, httpAnswers] = await Promise.all([Promise.all(grpcCalls), Promise.all(httpGets)]);
    assert.deepEqual(new Set(grpcAnswers.map((answer) => answer.reply?.color)), new Set([BLUE]));
    assert.deepEqual(
      new Set(httpAnswers.map((answer) => `${answer.status} ${answer.body}`)),
      new Set([`200 {"color":"${BLUE}"}`]),
    );
  });

  it('counts gRPC calls in http_request_duration_seconds by method path and grpc_status', async () => {
    const samples = parsePrometheus((await get(`${color.url}/metrics`, { agent })).body);
    const count = (labels: Record<string, string>) => sumOf(samples, 'http_request_duration_seconds_count', labels);
    assert.ok(count({ method: 'POST', path: '/ColorService/Center', status: '200', grpc_status: '0' }) >= 51);
    assert.ok(count({ path: '/ColorService/Edge', grpc_status: '0' }) >= 50);
    assert.ok(count({ path: '/ColorService/UpdateColor', status: '400', grpc_status: '3' }) >= refusals.length);
    assert.ok(count({ method: 'GET', path: '/*', status: '200' }) >= 100);
  });
});

describe('gRPC calls under faults', () => {
  it('ERROR_FRACTION=100: INTERNAL "failed to get color: …"; UpdateColor is spared', async (t) => {
    const { color, client } = await startColor({ ERROR_FRACTION: '100' });
    t.after(() => Promise.all([client.close(), color.stop()]));
    const answer = await client.center();
    assert.equal(answer.code, GRPC_STATUS.INTERNAL);
    assert.equal(answer.details, 'failed to get color: Color error! (error fraction 100%)');
    const updated = await client.updateColor({ which: 'all', color: 'purple' });
    assert.equal(updated.code, 0, updated.details);
  });

  it('a latch: INTERNAL for the latching error and every call after it', async (t) => {
    const { color, client } = await startColor({ ERROR_FRACTION: '100', LATCH_FRACTION: '100' });
    t.after(() => Promise.all([client.close(), color.stop()]));
    const first = await client.edge();
    assert.equal(first.code, GRPC_STATUS.INTERNAL);
    assert.match(first.details, /^failed to get color: Color error latched!/);
    const next = await client.edge();
    assert.equal(next.code, GRPC_STATUS.INTERNAL);
    assert.equal(next.details, 'failed to get color: Latched into error state');
  });

  it('MAX_RATE: RESOURCE_EXHAUSTED "rate limited: …" above the rate; UpdateColor is spared', async (t) => {
    const { color, client } = await startColor({ MAX_RATE: '0.1' });
    t.after(() => Promise.all([client.close(), color.stop()]));
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await client.center());
    const limited = answers.filter((answer) => answer.code === GRPC_STATUS.RESOURCE_EXHAUSTED);
    assert.ok(limited.length >= 8, `rate limited ${limited.length} of 10`);
    assert.match(limited[0]?.details ?? '', /^rate limited: Rate limited \(/);
    assert.equal((await client.updateColor({ which: 'center', color: 'white' })).code, 0);
  });

  it('DELAY_BUCKETS delays gRPC calls as it does HTTP requests', async (t) => {
    const { color, client } = await startColor({ DELAY_BUCKETS: '400' });
    t.after(() => Promise.all([client.close(), color.stop()]));
    const started = performance.now();
    assert.equal((await client.center()).code, 0);
    assert.ok(performance.now() - started >= 390, `answered in ${Math.round(performance.now() - started)} ms`);
  });
});

describe('the protocol split', () => {
  it('a connection that sends part of the HTTP/2 preface and stops gets 408 and a close within the bound', async (t) => {
    const { color, client } = await startColor({ REQUEST_TIMEOUT_MS: '1000' });
    t.after(() => Promise.all([client.close(), color.stop('SIGKILL')]));
    const socket = await openRaw(color.port);
    socket.write('PRI * HTTP/2.0\r\n');
    const seen = await collect(socket, 8000);
    assert.ok(seen.closed, `still open after ${Math.round(seen.elapsedMs)} ms`);
    assert.ok(seen.elapsedMs >= 900, `closed after ${Math.round(seen.elapsedMs)} ms, before the timeout`);
    assert.deepEqual(statusesOf(seen.received), [408]);
  });

  it('an HTTP/1.1 request that starts like the preface (PRI … HTTP/1.1) is HTTP, not gRPC', async (t) => {
    const { color, client } = await startColor({});
    t.after(() => Promise.all([client.close(), color.stop('SIGKILL')]));
    const seen = await exchange(color.port, 'PRI * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 8000);
    const [status] = statusesOf(seen.received);
    assert.ok(status !== undefined && status >= 400 && status < 500, seen.received.toString('latin1'));
  });

  it('pipelined HTTP/1.1 requests in the first chunk are all answered', async (t) => {
    const { color, client } = await startColor({});
    t.after(() => Promise.all([client.close(), color.stop('SIGKILL')]));
    const one = 'GET /center/ HTTP/1.1\r\nHost: x\r\n\r\n';
    const seen = await exchange(
      color.port,
      `${one}${one}GET /edge/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      8000,
    );
    assert.deepEqual(statusesOf(seen.received), [200, 200, 200]);
  });
});

describe('shutdown with gRPC calls in flight', () => {
  it('SIGTERM: calls in flight are answered (and counted in flight), then the process exits 0', async (t) => {
    const { color, client } = await startColor({ DELAY_BUCKETS: '1500', DRAIN_SECONDS: '0' });
    t.after(() => Promise.all([client.close(), color.stop('SIGKILL')]));
    const calls = Array.from({ length: 10 }, () => client.center());
    await waitUntil(
      'ten gRPC calls in flight',
      async () => sumOf(parsePrometheus((await get(`${color.url}/metrics`)).body), 'http_requests_in_flight'),
      (inFlight) => inFlight >= 11,
    );
    const exitCode = color.stop('SIGTERM');
    const answers = await Promise.all(calls);
    assert.deepEqual(
      answers.map((answer) => `${answer.code} ${answer.reply?.color}`),
      Array(10).fill('0 #228833'),
    );
    assert.equal(await exitCode, 0);
  });
});
