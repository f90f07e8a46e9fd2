import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { RUNTIME_NODE_OPTIONS } from '@faces/kit';
import { get } from '../helpers/http.js';
import { FACES_BIN } from '../helpers/processes.js';

describe('faces all', () => {
  it('runs the four services, prints the URL, serves faces through the GUI and stops cleanly on Ctrl-C', async (t) => {
    const child = spawn(process.execPath, [FACES_BIN, 'all'], {
      env: { PATH: process.env.PATH, PORT: '0', FACES_SEED: '7' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
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

    const page = await get(url);
    assert.equal(page.status, 200);
    assert.match(page.body, /<faces-app>/);
    const faceAnswer = await get(`${url}face/center/`, { headers: { 'x-faces-user': 'testuser' } });
    assert.equal(faceAnswer.status, 200);
    assert.deepEqual(JSON.parse(faceAnswer.body), { smiley: '&#x1F603;', color: '#228833', errors: [] });
    // Each service runs with the image's Node flags (Linux: read from /proc).
    const services = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/);
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
});
