import * as assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { loadCommand } from './cli.js';

/** Just enough of `process` for loadCommand: stdout (TTY or not), stderr, signals, exitCode. */
function fakeProcess(isTTY: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const proc = Object.assign(new EventEmitter(), {
    stdout: { isTTY, write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    exitCode: undefined as number | undefined,
  });
  return { proc, out, err };
}

async function startTarget(t: { after: (fn: () => void) => void }): Promise<string> {
  const server = createServer((_request, response) => response.end('ok'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

test('on a terminal, a progress line is rewritten in place, then cleared before the summary', async (t) => {
  const url = await startTarget(t);
  const { proc, out } = fakeProcess(true);
  // A fake process: loadCommand only uses the members fakeProcess provides.
  await loadCommand(['-z', '1s', '-q', '20', '-c', '1', url], proc as unknown as NodeJS.Process, 50);
  const progress = out.filter((text) => text.startsWith('\r\x1b[K') && /^\d+ requests in /.test(text.slice(4)));
  assert.ok(progress.length > 0, JSON.stringify(out.slice(0, 3)));
  assert.equal(out.at(-2), '\r\x1b[K');
  assert.match(out.at(-1) ?? '', /^\nSummary:/);
  assert.equal(proc.exitCode, undefined);
});

test('off a terminal, and with --json, there is no progress line', async (t) => {
  const url = await startTarget(t);
  const cases = [
    { name: 'not a terminal', isTTY: false, args: ['-z', '300ms', '-q', '20', '-c', '1', url] },
    { name: '--json on a terminal', isTTY: true, args: ['--json', '-z', '300ms', '-q', '20', '-c', '1', url] },
  ];
  for (const { name, isTTY, args } of cases) {
    const { proc, out } = fakeProcess(isTTY);
    await loadCommand(args, proc as unknown as NodeJS.Process, 1);
    assert.equal(out.length, 1, name);
    assert.doesNotMatch(out[0] ?? '', /\r/, name);
  }
});
