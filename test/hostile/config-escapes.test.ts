import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { runFacesToExit } from '../helpers/processes.js';

interface Case {
  readonly name: string;
  readonly command: string;
  readonly env: Record<string, string>;
  /** The variable the one stderr line must name. */
  readonly variable: string;
}

// 192.0.2.1 is TEST-NET-1: never an address of this machine, so binding it fails without traffic.
const cases: readonly Case[] = [
  { name: 'a HOST this machine does not have', command: 'smiley', env: { HOST: '192.0.2.1' }, variable: 'HOST' },
  {
    name: 'an IPv4-looking SMILEY_SERVICE',
    command: 'face',
    env: { SMILEY_SERVICE: '999.1.1.1' },
    variable: 'SMILEY_SERVICE',
  },
  {
    name: 'a five-part COLOR_SERVICE',
    command: 'face',
    env: { COLOR_SERVICE: '1.2.3.4.5:80' },
    variable: 'COLOR_SERVICE',
  },
  {
    name: 'a bracketed non-address FACE_SERVICE',
    command: 'gui',
    env: { FACE_SERVICE: '[:::::]' },
    variable: 'FACE_SERVICE',
  },
  {
    name: 'a HOSTNAME with a control character',
    command: 'color',
    env: { HOSTNAME: 'pod\u0001' },
    variable: 'HOSTNAME',
  },
  { name: 'a HOST_IP with a space', command: 'smiley', env: { HOST_IP: '10.0.0.1 x' }, variable: 'HOST_IP' },
  { name: 'a HOSTNAME outside latin1', command: 'gui', env: { HOSTNAME: 'pod-日本' }, variable: 'HOSTNAME' },
  {
    name: 'a FACES_SERVICE that is no service',
    command: '',
    env: { FACES_SERVICE: 'colour' },
    variable: 'FACES_SERVICE',
  },
];

function assertOneLine(stderr: string, variable: string): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line, got:\n${stderr}`);
  assert.match(lines[0] ?? '', new RegExp(`^faces[^:]*: .*\\b${variable}=.* is not valid: \\S`));
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
}

describe('configuration errors that once escaped the one-line rule exit 2 with one line', () => {
  for (const { name, command, env, variable } of cases) {
    it(`${name} (${variable}) exits 2 naming it`, async () => {
      const result = await runFacesToExit(command === '' ? [] : [command], { FACES_SEED: '1', ...env });
      assert.equal(result.code, 2, result.stderr);
      assertOneLine(result.stderr, variable);
    });
  }

  it('a PORT already in use exits 2 naming PORT', async (t) => {
    const taken = createServer();
    taken.listen(0, '127.0.0.1');
    await once(taken, 'listening');
    t.after(() => taken.close());
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const result = await runFacesToExit(['smiley'], { FACES_SEED: '1', PORT: String(port) });
    assert.equal(result.code, 2, result.stderr);
    assertOneLine(result.stderr, 'PORT');
    assert.match(result.stderr, /EADDRINUSE/);
  });
});
