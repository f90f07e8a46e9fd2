import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { runFacesToExit } from '../helpers/processes.js';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A loopback target that records every request; /fail answers 500, the rest 200. */
async function startTarget(t: { after: (fn: () => void) => void }): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      response.statusCode = request.url?.startsWith('/fail') ? 500 : 200;
      response.end('{"ok":true}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

test('-q 20 -c 2 -z 3s sends 120 requests, paced, and says so in --json', async (t) => {
  const target = await startTarget(t);
  const run = await runFacesToExit(['load', '-q', '20', '-c', '2', '-z', '3s', '--json', `${target.url}/`], {}, 30_000);
  assert.equal(run.code, 0, run.stderr);
  const summary = JSON.parse(run.stdout) as { requests: number; successRate: number; statusCodes: object };
  // The schedule has exactly 2 workers × 60 slots; the tolerance is for a stalled machine only.
  assert.ok(Math.abs(target.seen.length - 120) <= 3, `sent ${target.seen.length}`);
  assert.equal(summary.requests, target.seen.length);
  assert.equal(summary.successRate, 100);
  assert.deepEqual(summary.statusCodes, { '200': target.seen.length });
});

test('-n sends exactly that many requests, however many workers', async (t) => {
  const target = await startTarget(t);
  const run = await runFacesToExit(['load', '-n', '65', '-c', '20', `${target.url}/`]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(target.seen.length, 65);
  assert.match(run.stdout, /\[200\]\t65 responses/);
  assert.equal(run.stderr, '', 'no warnings (such as too many abort listeners) with many workers');
});

test('method, body, headers and -host reach the target', async (t) => {
  const target = await startTarget(t);
  const run = await runFacesToExit([
    'load',
    '-n',
    '1',
    '-c',
    '1',
    '-m',
    'post',
    '-d',
    'hello',
    '-H',
    'x-faces-user: testuser',
    '-host',
    'face-canary.faces',
    `${target.url}/center/?row=1`,
  ]);
  assert.equal(run.code, 0, run.stderr);
  const [request] = target.seen;
  assert.equal(request?.method, 'POST');
  assert.equal(request?.url, '/center/?row=1');
  assert.equal(request?.body, 'hello');
  assert.equal(request?.headers['x-faces-user'], 'testuser');
  assert.equal(request?.headers.host, 'face-canary.faces');
});

test("prints hey's summary without a progress line when stdout is not a terminal", async (t) => {
  const target = await startTarget(t);
  const run = await runFacesToExit(['load', '-n', '20', '-c', '2', `${target.url}/fail`]);
  assert.equal(run.code, 0, 'without --fail-under a failing target is still a finished run');
  for (const section of ['Summary:', 'Requests/sec:', 'Latency distribution:', 'Status code distribution:']) {
    assert.ok(run.stdout.includes(section), section);
  }
  assert.match(run.stdout, /Success rate:\t0\.00%/);
  assert.doesNotMatch(run.stdout, /\r/);
});

test('--fail-under sets the exit code from the success rate', async (t) => {
  const target = await startTarget(t);
  const cases = [
    { path: '/ok', failUnder: '100', code: 0 },
    { path: '/fail', failUnder: '1', code: 1 },
    { path: '/fail', failUnder: '0', code: 0 },
  ];
  for (const { path, failUnder, code } of cases) {
    const run = await runFacesToExit([
      'load',
      '-n',
      '10',
      '-c',
      '2',
      '--fail-under',
      failUnder,
      `${target.url}${path}`,
    ]);
    assert.equal(run.code, code, `${path} --fail-under ${failUnder}: ${run.stderr}`);
    if (code === 1) assert.match(run.stderr, /success rate 0\.00% is under --fail-under 1%/);
  }
});

test('connection errors are counted in the error distribution', async (t) => {
  const target = await startTarget(t);
  const closed = target.url.replace(/:\d+$/, ':1');
  const run = await runFacesToExit(['load', '-n', '4', '-c', '2', '--fail-under', '50', `${closed}/`]);
  assert.equal(run.code, 1);
  assert.match(run.stdout, /Error distribution:\n {2}\[4\]\t.*ECONNREFUSED/);
});

test('bad flags exit 2 with a message naming the flag', async () => {
  const cases: { args: string[]; message: RegExp }[] = [
    { args: ['-x', '1', 'http://127.0.0.1:1/'], message: /faces load: .*-x/ },
    { args: ['-n', 'many', 'http://127.0.0.1:1/'], message: /faces load: invalid value "many" for flag -n/ },
    { args: ['-z', '10', 'http://127.0.0.1:1/'], message: /flag -z/ },
    { args: ['--fail-under', '200', 'http://127.0.0.1:1/'], message: /flag -fail-under/ },
    { args: [], message: /a URL is required/ },
  ];
  for (const { args, message } of cases) {
    const run = await runFacesToExit(['load', ...args]);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, message);
    assert.equal(run.stderr.split('\n').length, 2, `one line: ${run.stderr}`);
  }
  const help = await runFacesToExit(['load', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /usage: faces load \[flags\] <url>/);
});

test('a numeric flag past its bound exits 2 with one line naming it, before sending anything', async () => {
  const closed = 'http://127.0.0.1:1/';
  const cases: { args: string[]; stderr: string }[] = [
    {
      args: ['-c', '10000000', closed],
      stderr: 'faces load: invalid value "10000000" for flag -c: want a whole number from 1 to 1000\n',
    },
    {
      args: ['-z', '1s', '-c', '10000000', closed],
      stderr: 'faces load: invalid value "10000000" for flag -c: want a whole number from 1 to 1000\n',
    },
    {
      args: ['-z', '10000h', closed],
      stderr:
        'faces load: invalid value "10000h" for flag -z: want a duration from 0 to 24h, such as 30s, 2m or 1h30m\n',
    },
  ];
  for (const { args, stderr } of cases) {
    // The heap of the load tester's pod: an unbounded -c exhausts this child, not the machine.
    const run = await runFacesToExit(['load', ...args], { NODE_OPTIONS: '--max-old-space-size=256' }, 20_000);
    assert.equal(run.code, 2, `${args.join(' ')}: exit ${run.code}; stderr: ${run.stderr.slice(0, 300)}`);
    assert.equal(run.stderr, stderr);
    assert.equal(run.stdout, '');
  }
});
