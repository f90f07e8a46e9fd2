import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { request } from 'undici';
import { type RunningService, runFacesToExit, startFaces } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-until.js';

async function post(url: string, body: unknown): Promise<{ status: number; body: string }> {
  const response = await request(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.statusCode, body: await response.body.text() };
}

const canary = (name: string, metadata: Record<string, string> = {}, namespace = 'faces') => ({
  name,
  namespace,
  phase: 'Progressing',
  checksum: '1',
  metadata,
});

async function metric(service: RunningService, name: string): Promise<number> {
  const response = await request(`${service.url}/metrics`);
  const text = await response.body.text();
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return match?.[1] === undefined ? Number.NaN : Number(match[1]);
}

/** Polls until `check` holds, within a generous bound (the machine is shared and noisy). */
function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'faces-loadtester-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('gates survive a restart of the loadtester process when GATES_FILE is set', async (t) => {
  const env = { GATES_FILE: join(tempDir(t), 'gates.json') };
  const check = async (service: RunningService, path: string, name: string) =>
    (await post(`${service.url}${path}`, canary(name))).status;

  const first = await startFaces(['loadtester'], env);
  t.after(() => first.stop());
  assert.equal((await post(`${first.url}/gate/open`, canary('face'))).status, 202);
  assert.equal((await post(`${first.url}/rollback/open`, canary('smiley'))).status, 202);
  assert.equal(await first.stop(), 0);

  const second = await startFaces(['loadtester'], env);
  t.after(() => second.stop());
  assert.equal(await check(second, '/gate/check', 'face'), 200);
  assert.equal(await check(second, '/rollback/check', 'smiley'), 200);
  assert.equal(await check(second, '/gate/check', 'smiley'), 403, 'a gate never opened stays closed');
  assert.equal((await post(`${second.url}/gate/close`, canary('face'))).status, 202);
  assert.equal(await second.stop(), 0);

  const third = await startFaces(['loadtester'], env);
  t.after(() => third.stop());
  assert.equal(await check(third, '/gate/check', 'face'), 403, 'a closed gate stays closed');
  assert.equal(await check(third, '/rollback/check', 'smiley'), 200);
});

test('a GATES_FILE it cannot read stops the loadtester instead of opening or closing gates', async (t) => {
  const file = join(tempDir(t), 'gates.json');
  writeFileSync(file, '{"gates": {"face.faces": "open"}}');
  const run = await runFacesToExit(['loadtester'], { GATES_FILE: file });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^faces loadtester: GATES_FILE=".*gates\.json" is not valid: /);
  assert.equal(run.stderr.trim().split('\n').length, 1);
});

test('a cmd webhook loads a real service in the background, once per canary and command', async (t) => {
  const smiley = await startFaces(['smiley']);
  t.after(() => smiley.stop());
  const tester = await startFaces(['loadtester'], { NAMESPACE_REGEXP: '^faces$' });
  t.after(() => tester.stop());

  const short = await post(`${tester.url}/`, canary('smiley', { cmd: `hey -n 50 -c 2 ${smiley.url}/` }));
  assert.deepEqual(short, { status: 202, body: 'started' });
  await waitFor(
    '50 requests sent',
    async () => (await metric(tester, 'faces_loadtester_requests_sent_total')) === 50,
    20_000,
  );
  await waitFor('the run to end', async () => (await metric(tester, 'faces_loadtester_runs_running')) === 0, 20_000);
  assert.equal(await metric(tester, 'faces_loadtester_last_run_success_ratio'), 1);

  const long = canary('face', { cmd: `hey -z 1m -q 1 -c 1 ${smiley.url}/` });
  assert.equal((await post(`${tester.url}/`, long)).body, 'started');
  assert.equal((await post(`${tester.url}/`, long)).body, 'skipped: already running');
  assert.equal(await metric(tester, 'faces_loadtester_runs_skipped_total'), 1);
  assert.equal((await post(`${tester.url}/`, canary('face', long.metadata, 'default'))).status, 403);
});

test('a blocking run stops when the caller gives up waiting', async (t) => {
  const smiley = await startFaces(['smiley']);
  t.after(() => smiley.stop());
  const tester = await startFaces(['loadtester']);
  t.after(() => tester.stop());
  const caller = new AbortController();
  const answer = request(`${tester.url}/`, {
    method: 'POST',
    body: JSON.stringify(canary('face', { type: 'bash', cmd: `hey -z 10m -q 5 -c 1 ${smiley.url}/` })),
    signal: caller.signal,
  }).catch((error: unknown) => error);
  await waitFor('the run to start', async () => (await metric(tester, 'faces_loadtester_runs_running')) === 1, 20_000);
  caller.abort();
  assert.ok((await answer) instanceof Error);
  await waitFor('the run to stop', async () => (await metric(tester, 'faces_loadtester_runs_running')) === 0, 20_000);
});

test('commands are parsed, never run by a shell', async (t) => {
  const marker = join(tempDir(t), 'pwned');
  const smiley = await startFaces(['smiley']);
  t.after(() => smiley.stop());
  const tester = await startFaces(['loadtester']);
  t.after(() => tester.stop());

  const refused = [
    `hey -n 1 -c 1 ${smiley.url}/; touch ${marker}`,
    `hey -n 1 -c 1 ${smiley.url}/ && touch ${marker}`,
    `hey -n 1 -c 1 $(touch ${marker}) ${smiley.url}/`,
    `touch ${marker}`,
    `sh -c 'touch ${marker}'`,
  ];
  for (const cmd of refused) {
    for (const type of ['cmd', 'bash']) {
      const answer = await post(`${tester.url}/`, canary('smiley', { type, cmd }));
      assert.equal(answer.status, 400, `${type}: ${cmd}`);
      assert.match(answer.body, /supported/);
    }
  }
  // Quoted, the same text is only data: it is sent as a header value and nothing runs.
  const quoted = await post(
    `${tester.url}/`,
    canary('smiley', { type: 'bash', cmd: `faces load -n 1 -c 1 -H 'x-note: $(touch ${marker})' ${smiley.url}/` }),
  );
  assert.equal(quoted.status, 200, quoted.body);
  assert.equal(existsSync(marker), false);
});
