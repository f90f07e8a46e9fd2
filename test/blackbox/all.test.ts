import assert from 'node:assert/strict';
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { describe, it, type TestContext } from 'node:test';
import { RUNTIME_NODE_OPTIONS } from '@faces/kit';
import { get } from '../helpers/http.js';
import { FACES_BIN } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';

/** Starts `faces all` on a free port and resolves with its URL once it prints it. */
async function startAll(
  t: TestContext,
): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; url: string }> {
  const child = spawn(process.execPath, [FACES_BIN, 'all'], {
    env: { PATH: process.env.PATH, PORT: '0', FACES_SEED: '7' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 30 s\n${stdout}\n${stderr}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Faces is running: open (http:\/\/localhost:\d+\/)/.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    });
  });
  return { child, url };
}

/** The PIDs of a process's children (Linux: from /proc). */
function childrenOf(pid: number | undefined): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
}

/** Whether a process still runs: gone from /proc, or a zombie nobody has reaped yet, counts as not. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('faces all', () => {
  it('runs the four services, prints the URL, serves faces through the GUI and stops cleanly on Ctrl-C', async (t) => {
    const { child, url } = await startAll(t);
    const exited = once(child, 'exit');
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });

    const page = await get(url);
    assert.equal(page.status, 200);
    assert.match(page.body, /<faces-app>/);
    const faceAnswer = await get(`${url}face/center/`, { headers: { 'x-faces-user': 'testuser' } });
    assert.equal(faceAnswer.status, 200);
    assert.deepEqual(JSON.parse(faceAnswer.body), { smiley: '&#x1F603;', color: '#228833', errors: [] });
    // Each service runs with the image's Node flags (Linux: read from /proc).
    const services = childrenOf(child.pid);
    assert.equal(services.length, 4);
    for (const pid of services) {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      assert.ok(
        environ.includes(`NODE_OPTIONS=${RUNTIME_NODE_OPTIONS}`),
        `service ${pid} runs without the runtime flags`,
      );
    }

    child.kill('SIGINT');
    const [code] = await exited;
    assert.equal(code, 0, stderr);
    await assert.rejects(get(url), 'the GUI still answers after faces all stopped');
  });

  it('its services stop when it is killed outright (SIGKILL), freeing their ports', async (t) => {
    const { child, url } = await startAll(t);
    const services = childrenOf(child.pid);
    t.after(() => {
      for (const pid of services.filter(running)) process.kill(pid, 'SIGKILL');
    });
    assert.equal(services.length, 4);
    assert.ok(services.every(running));
    child.kill('SIGKILL');
    await once(child, 'exit');
    await waitUntil(
      'every service to exit after faces all was killed (else they would hold their ports)',
      async () => services.filter(running),
      (left) => left.length === 0,
      15_000,
      50,
    );
    await assert.rejects(get(url), 'the GUI still answers after faces all was killed');
  });
});
