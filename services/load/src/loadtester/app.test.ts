import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { MAX_RUNNING_WORKERS, MAX_RUNS, MAX_WORKERS, WEBHOOK_BODY_LIMIT_BYTES } from '../limits.js';
import { buildLoadtesterApp } from './app.js';
import { readLoadtesterConfig } from './config.js';

/** A loopback target: /ok answers 200, /fail 500, and counts what it was sent. */
async function startTarget(t: {
  after: (fn: () => Promise<void>) => void;
}): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server: Server = createServer((request, response) => {
    hits++;
    response.statusCode = request.url?.startsWith('/fail') ? 500 : 200;
    response.end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(async () => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

function build(t: { after: (fn: () => Promise<void>) => void }, env: Record<string, string> = {}) {
  const app = buildLoadtesterApp(readLoadtesterConfig({ LOG_LEVEL: 'silent', ...env }), { processMetrics: false });
  t.after(() => app.close());
  return app;
}

const webhook = (metadata: Record<string, string>, namespace = 'faces') =>
  JSON.stringify({ name: 'face', namespace, phase: 'Progressing', checksum: 'abc', metadata });

async function metric(app: ReturnType<typeof build>, line: RegExp): Promise<number> {
  const text = (await app.inject({ url: '/metrics' })).body;
  const match = line.exec(text);
  assert.ok(match?.[1] !== undefined, `no ${line} in\n${text}`);
  return Number(match[1]);
}

test('POST / answers the webhook status codes Flagger expects', async (t) => {
  const target = await startTarget(t);
  const app = build(t, { NAMESPACE_REGEXP: '^faces$' });
  const hey = `hey -z 30s -q 1 -c 1 ${target.url}/ok`;
  const cases: { name: string; body: string; status: number; text?: RegExp }[] = [
    { name: 'bad JSON', body: '{"name":', status: 400, text: /decoding the request body failed/ },
    { name: 'empty body', body: '', status: 400 },
    { name: 'not an object', body: '[1]', status: 400 },
    { name: 'metadata not strings', body: '{"namespace":"faces","metadata":{"cmd":1}}', status: 400 },
    { name: 'no metadata', body: '{"name":"face","namespace":"faces"}', status: 400, text: /metadata not found/ },
    { name: 'empty metadata', body: webhook({}), status: 400, text: /metadata not found/ },
    {
      name: 'unknown type',
      body: webhook({ type: 'helm', cmd: 'test run' }),
      status: 400,
      text: /unknown task type helm/,
    },
    {
      name: 'unsupported command',
      body: webhook({ cmd: 'curl http://face/' }),
      status: 400,
      text: /supported commands/,
    },
    { name: 'shell payload', body: webhook({ cmd: `${hey}; rm -rf /` }), status: 400, text: /without a shell/ },
    { name: 'no cmd', body: webhook({ type: 'cmd' }), status: 400, text: /unsupported command ""/ },
    { name: 'bad flag', body: webhook({ cmd: `hey -q fast ${target.url}/` }), status: 400, text: /flag -q/ },
    {
      name: 'namespace not matching',
      body: webhook({ cmd: hey }, 'kube-system'),
      status: 403,
      text: /NAMESPACE_REGEXP/,
    },
    { name: 'near miss: namespace with a prefix', body: webhook({ cmd: hey }, 'faces2'), status: 403 },
    { name: 'cmd runs in the background', body: webhook({ cmd: hey }), status: 202, text: /^started$/ },
    { name: 'type defaults to cmd', body: webhook({ cmd: hey, type: 'cmd' }), status: 202, text: /already running/ },
  ];
  for (const { name, body, status, text } of cases) {
    const response = await app.inject({
      method: 'POST',
      url: '/',
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.statusCode, status, `${name}: ${response.body}`);
    if (text !== undefined) assert.match(response.body, text, name);
  }
});

test('a cmd already running for the same canary is skipped; another canary gets its own run', async (t) => {
  const target = await startTarget(t);
  const app = build(t);
  const cmd = `hey -z 60s -q 1 -c 1 ${target.url}/ok`;
  const post = (payload: string) => app.inject({ method: 'POST', url: '/', payload });
  assert.equal((await post(webhook({ cmd }))).body, 'started');
  assert.equal((await post(webhook({ cmd }))).body, 'skipped: already running');
  assert.equal((await post(webhook({ cmd: `${cmd} ` }))).body, 'started', 'a different command string is another task');
  assert.equal((await post(webhook({ cmd }, 'other'))).body, 'started');
  assert.equal(await metric(app, /^faces_loadtester_runs_started_total\{type="cmd"[^}]*\} (\d+)/m), 3);
  assert.equal(await metric(app, /^faces_loadtester_runs_skipped_total\{[^}]*\} (\d+)/m), 1);
  assert.equal(await metric(app, /^faces_loadtester_runs_running\{[^}]*\} (\d+)/m), 3);
});

test('bash type blocks: 200 on success, 500 with the summary under --fail-under', async (t) => {
  const target = await startTarget(t);
  const app = build(t);
  const run = (cmd: string, extra: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/', payload: webhook({ type: 'bash', cmd, ...extra }) });

  const passing = await run(`faces load -n 20 -c 2 --fail-under 70 ${target.url}/ok`);
  assert.equal(passing.statusCode, 200);
  assert.equal(passing.body, '');
  assert.equal(target.hits(), 20);

  const withOutput = await run(`hey -n 10 -c 2 ${target.url}/ok`, { returnCmdOutput: 'true' });
  assert.equal(withOutput.statusCode, 200);
  assert.match(withOutput.body, /Success rate:\t100\.00% \(2xx and 3xx of 10 requests\)/);

  const failing = await run(`faces load -n 20 -c 2 --fail-under 70 ${target.url}/fail`);
  assert.equal(failing.statusCode, 500);
  assert.match(failing.body, /success rate 0\.00% is under --fail-under 70%/);
  assert.match(failing.body, /\[500\]\t20 responses/);

  const heyNeverFails = await run(`hey -n 10 -c 1 ${target.url}/fail`);
  assert.equal(heyNeverFails.statusCode, 200, 'hey exits 0 whatever the answers');

  assert.equal(await metric(app, /^faces_loadtester_requests_sent_total\{[^}]*\} (\d+)/m), 60);
  assert.equal(await metric(app, /^faces_loadtester_last_run_success_ratio\{[^}]*\} (\S+)/m), 0);
  assert.equal(await metric(app, /^faces_loadtester_runs_started_total\{type="bash"[^}]*\} (\d+)/m), 4);
});

test('gates and rollback gates round-trip with Flagger status codes', async (t) => {
  const app = build(t);
  const call = async (url: string, payload = '{"name":"face","namespace":"faces"}') => {
    const response = await app.inject({ method: 'POST', url, payload });
    return `${response.statusCode} ${response.body}`;
  };
  const steps: [string, string][] = [
    ['/gate/approve', '200 OK'],
    ['/gate/halt', '403 Forbidden'],
    ['/gate/check', '403 Forbidden'],
    ['/rollback/check', '403 Forbidden'],
    ['/gate/open', '202 '],
    ['/gate/check', '200 Approved'],
    ['/rollback/check', '403 Forbidden'],
    ['/rollback/open', '202 '],
    ['/rollback/check', '200 Approved'],
    ['/gate/close', '202 '],
    ['/gate/check', '403 Forbidden'],
    ['/rollback/close', '202 '],
    ['/rollback/check', '403 Forbidden'],
  ];
  for (const [url, expected] of steps) assert.equal(await call(url), expected, url);
  await call('/gate/open');
  assert.equal(
    await call('/gate/check', '{"name":"face","namespace":"other"}'),
    '403 Forbidden',
    'gates are per canary',
  );
  for (const url of [
    '/gate/check',
    '/gate/open',
    '/gate/close',
    '/rollback/check',
    '/rollback/open',
    '/rollback/close',
  ]) {
    assert.equal((await call(url, 'not json')).slice(0, 3), '400', url);
  }
  assert.equal((await app.inject({ url: '/gate/approve' })).statusCode, 200, 'approve answers any method');
  assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
});

test('the loadtester never injects faults, whatever ERROR_FRACTION says', async (t) => {
  const app = build(t, { ERROR_FRACTION: '100' });
  for (let i = 0; i < 20; i++) {
    assert.equal((await app.inject({ url: '/gate/approve' })).statusCode, 200);
  }
});

test('a webhook past a flag bound is 400 with the one-line reason, and nothing runs', async (t) => {
  const target = await startTarget(t);
  const app = build(t);
  for (const type of ['cmd', 'bash']) {
    const response = await app.inject({
      method: 'POST',
      url: '/',
      payload: webhook({ type, cmd: `hey -c 10000000 -z 1m ${target.url}/ok` }),
    });
    assert.equal(response.statusCode, 400, type);
    assert.equal(
      response.body,
      `hey: invalid value "10000000" for flag -c: want a whole number from 1 to ${MAX_WORKERS}`,
      type,
    );
  }
  assert.equal(await metric(app, /^faces_loadtester_runs_running\{[^}]*\} (\d+)/m), 0);
  assert.equal(target.hits(), 0);
});

test('the webhook body is read up to WEBHOOK_BODY_LIMIT_BYTES; one byte more is 413', async (t) => {
  const app = build(t);
  const sized = (bytes: number) => {
    const shell = webhook({ cmd: '', pad: '' });
    return webhook({ cmd: '', pad: 'x'.repeat(bytes - shell.length) });
  };
  const at = await app.inject({ method: 'POST', url: '/', payload: sized(WEBHOOK_BODY_LIMIT_BYTES) });
  assert.equal(at.statusCode, 400, 'read and judged: the command is empty');
  assert.match(at.body, /unsupported command ""/);
  const past = await app.inject({ method: 'POST', url: '/', payload: sized(WEBHOOK_BODY_LIMIT_BYTES + 1) });
  assert.equal(past.statusCode, 413);
  const gate = await app.inject({ method: 'POST', url: '/gate/open', payload: sized(WEBHOOK_BODY_LIMIT_BYTES + 1) });
  assert.equal(gate.statusCode, 413, 'the gates take the same limit');
});

test('runs past MAX_RUNNING_WORKERS workers or MAX_RUNS runs are 503 with the reason', async (t) => {
  const target = await startTarget(t);
  const app = build(t);
  const post = (cmd: string, type = 'cmd', name = 'face') =>
    app.inject({
      method: 'POST',
      url: '/',
      payload: JSON.stringify({ name, namespace: 'faces', metadata: { type, cmd } }),
    });
  // One request per 100 s per worker for 10 minutes: the runs hold their workers without loading
  // the machine, and last past the test (closing the app stops them).
  const slow = (workers: number, tag: string) => `hey -z 10m -q 0.01 -c ${workers} ${target.url}/ok?${tag}`;
  assert.equal((await post(slow(MAX_RUNNING_WORKERS - 1, 'a'))).body, 'started');
  const full = await post(slow(2, 'b'));
  assert.equal(full.statusCode, 503);
  assert.equal(
    full.body,
    `busy: -c 2 and the ${MAX_RUNNING_WORKERS - 1} workers of the runs going would pass ${MAX_RUNNING_WORKERS} workers at once; try again when one ends`,
  );
  assert.equal((await post(slow(2, 'b'), 'bash')).statusCode, 503, 'bash runs share the budget');
  assert.equal(
    (await post(slow(MAX_RUNNING_WORKERS - 1, 'a'))).body,
    'skipped: already running',
    'a duplicate is skipped',
  );
  assert.equal((await post(slow(1, 'c'))).body, 'started', 'the last worker fits');
  assert.equal(await metric(app, /^faces_loadtester_runs_refused_total\{[^}]*\} (\d+)/m), 2);
  await app.close();

  const again = build(t);
  const one = (i: number) => again.inject({ method: 'POST', url: '/', payload: webhook({ cmd: slow(1, `run=${i}`) }) });
  for (let i = 0; i < MAX_RUNS; i++) assert.equal((await one(i)).body, 'started', `run ${i}`);
  const refused = await one(MAX_RUNS);
  assert.equal(refused.statusCode, 503);
  assert.equal(refused.body, `busy: ${MAX_RUNS} runs are going, at most ${MAX_RUNS} at once; try again when one ends`);
});
