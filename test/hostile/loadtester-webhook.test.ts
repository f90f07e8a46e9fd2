import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { request } from 'undici';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';

// The loadtester runs with the heap its pod has (k8s/loadtester: limits.memory 256Mi), so a webhook
// that exhausts memory crashes this child instead of swapping the shared machine.
const POD_HEAP = { NODE_OPTIONS: '--max-old-space-size=256' };
/** Resident memory the loadtester may reach after the hostile webhooks: well under the pod's 256 MiB. */
const RSS_AFTER_MIB = 160;
const ANSWER_TIMEOUT_MS = 10_000;

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** POSTs a Flagger payload to the loadtester, bounded in time whatever it does. */
async function webhook(tester: RunningService, metadata: Record<string, string>, name = 'face'): Promise<Answer> {
  const payload = { name, namespace: 'faces', phase: 'Progressing', checksum: '1', metadata };
  const response = await request(`${tester.url}/`, {
    method: 'POST',
    body: JSON.stringify(payload),
    headersTimeout: ANSWER_TIMEOUT_MS,
    bodyTimeout: ANSWER_TIMEOUT_MS,
  });
  return { status: response.statusCode, body: await response.body.text() };
}

/** A loopback target that counts its requests. */
async function startTarget(t: { after: (fn: () => void) => void }): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits++;
    response.end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

async function scrape(tester: RunningService, name: string): Promise<number> {
  const response = await request(`${tester.url}/metrics`, { headersTimeout: ANSWER_TIMEOUT_MS });
  const text = await response.body.text();
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  assert.ok(match?.[1] !== undefined, `no ${name} in /metrics`);
  return Number(match[1]);
}

async function startTester(t: { after: (fn: () => Promise<unknown>) => void }): Promise<RunningService> {
  const tester = await startFaces(['loadtester'], POD_HEAP);
  t.after(() => tester.stop());
  return tester;
}

test('hostile webhooks get 400 naming the flag, and the loadtester stays up and small', async (t) => {
  const target = await startTarget(t);
  const tester = await startTester(t);
  const url = `${target.url}/`;
  const cases: { name: string; cmd: string; reason: RegExp }[] = [
    { name: 'ten million workers', cmd: `hey -c 10000000 -z 1m ${url}`, reason: /flag -c: .*1000/ },
    { name: 'workers, exponent', cmd: `hey -c 1e7 -z 1m ${url}`, reason: /flag -c: / },
    { name: 'a trillion requests', cmd: `hey -n 1000000000000 -c 2 ${url}`, reason: /flag -n: / },
    { name: 'requests, exponent', cmd: `hey -n 1e12 -c 2 ${url}`, reason: /flag -n: / },
    { name: 'ten thousand hours', cmd: `hey -z 10000h -c 2 ${url}`, reason: /flag -z: .*24h/ },
    { name: 'a rate no timer can pace', cmd: `hey -z 1m -q 1e9 -c 2 ${url}`, reason: /flag -q: / },
    { name: 'a timeout past Node timers', cmd: `hey -t 3000000 -n 2 -c 2 ${url}`, reason: /flag -t: / },
    { name: 'a 200 KiB body', cmd: `hey -m POST -d ${'x'.repeat(200 * 1024)} -n 2 -c 2 ${url}`, reason: /flag -d: / },
    {
      name: 'headers past 16 KiB',
      cmd: `hey ${Array.from({ length: 40 }, (_, i) => `-H 'x-pad-${i}: ${'y'.repeat(500)}'`).join(' ')} -n 2 -c 2 ${url}`,
      reason: /flag -H: /,
    },
  ];
  for (const { name, cmd, reason } of cases) {
    for (const type of ['cmd', 'bash']) {
      const answer = await webhook(tester, { type, cmd });
      assert.equal(answer.status, 400, `${name} (${type}): ${answer.status} ${answer.body.slice(0, 200)}`);
      assert.match(answer.body, reason, name);
      assert.equal(answer.body.split('\n').length, 1, `${name}: one line`);
      assert.ok(answer.body.length < 300, `${name}: a short reason, not the command echoed (${answer.body.length})`);
    }
  }
  assert.equal(tester.child.exitCode, null, 'the loadtester is still running');
  const health = await request(`${tester.url}/healthz`, { headersTimeout: ANSWER_TIMEOUT_MS });
  await health.body.dump();
  assert.equal(health.statusCode, 200);
  assert.equal(await scrape(tester, 'faces_loadtester_runs_running'), 0, 'no hostile run started');
  assert.equal(target.hits(), 0, 'no hostile run sent anything');
  const rssMiB = (await scrape(tester, 'process_resident_memory_bytes')) / 2 ** 20;
  assert.ok(rssMiB < RSS_AFTER_MIB, `resident memory ${rssMiB.toFixed(1)} MiB after the hostile webhooks`);

  const normal = await webhook(tester, { type: 'bash', cmd: `hey -n 20 -c 2 ${url}` });
  assert.equal(normal.status, 200, normal.body);
  assert.equal(target.hits(), 20);
});

test('a flood of long runs is refused with 503 once the loadtester runs its maximum', async (t) => {
  const target = await startTarget(t);
  const tester = await startTester(t);
  // One request per 100 s per worker for 10 minutes: the runs hold their place without loading
  // this machine, and outlast the test (stopping the loadtester stops them).
  const long = (i: number) => `hey -z 10m -q 0.01 -c 1 ${target.url}/?run=${i}`;
  const answers: Answer[] = [];
  for (let i = 0; i < 40; i++) {
    const answer = await webhook(tester, { cmd: long(i) }, `canary-${i}`);
    answers.push(answer);
    if (answer.status !== 202) break;
  }
  const refused = answers.at(-1);
  assert.equal(refused?.status, 503, `${answers.length} webhooks all answered ${refused?.status}`);
  assert.match(refused.body, /^busy: 16 runs are going, at most 16 at once/);
  assert.equal(answers.length, 17, 'the 17th is the first refused');
  assert.equal(await scrape(tester, 'faces_loadtester_runs_running'), 16);
  assert.equal(await scrape(tester, 'faces_loadtester_runs_refused_total'), 1);
  const blocking = await webhook(tester, { type: 'bash', cmd: `hey -n 2 -c 1 ${target.url}/` });
  assert.equal(blocking.status, 503, 'a blocking run is refused too');
});

test('a webhook command is logged as a bounded summary, with its credentials redacted', async (t) => {
  const target = await startTarget(t);
  const tester = await startTester(t);
  const secrets = ['s3cr3t-bearer-19', 'hunter2-19', 't0p-query-19'];
  const pad = 'p'.repeat(15 * 1024);
  const cmd =
    `hey -n 2 -c 1 -H 'Authorization: Bearer ${secrets[0]}' -H 'X-Pad: ${pad}' ` +
    `${target.url.replace('//', `//admin:${secrets[1]}@`)}/?token=${secrets[2]}`;
  for (const type of ['bash', 'cmd']) {
    const answer = await webhook(tester, { type, cmd }, `canary-${type}`);
    assert.ok(answer.status === 200 || answer.status === 202, `${type}: ${answer.status} ${answer.body.slice(0, 200)}`);
  }
  const finished = () => tester.lines.filter((line) => line.includes('"command finished"')).length;
  await waitUntil(
    'both runs to log their end',
    async () => finished(),
    (count) => count === 2,
  );
  const mentions = tester.lines.filter((line) => line.includes('"command"'));
  assert.ok(mentions.length >= 4, `${mentions.length} lines name the command`);
  for (const line of tester.lines) {
    for (const secret of secrets)
      assert.ok(!line.includes(secret), `a log line shows ${secret}: ${line.slice(0, 300)}`);
    assert.ok(line.length < 1024, `a log line of ${line.length} characters: ${line.slice(0, 200)}`);
  }
});
