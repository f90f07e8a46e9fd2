import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runFacesToExit } from '../helpers/processes.js';

const cases: { command: string; variable: string; value: string }[] = [
  { command: 'smiley', variable: 'ERROR_FRACTION', value: 'abc' },
  { command: 'smiley', variable: 'ERROR_FRACTION', value: '101' },
  { command: 'smiley', variable: 'ERROR_FRACTION', value: '-1' },
  { command: 'color', variable: 'ERROR_FRACTION', value: '20.5' },
  { command: 'smiley', variable: 'DELAY_BUCKETS', value: '5,x' },
  { command: 'color', variable: 'LATCH_FRACTION', value: 'half' },
  { command: 'smiley', variable: 'MAX_RATE', value: 'fast' },
  { command: 'color', variable: 'PORT', value: '70000' },
  { command: 'smiley', variable: 'LOG_LEVEL', value: 'loud' },
  { command: 'color', variable: 'COLOR', value: 'notacolor' },
  { command: 'smiley', variable: 'FACES_SEED', value: '-3' },
  { command: 'smiley', variable: 'DRAIN_SECONDS', value: 'soon' },
  { command: 'color', variable: 'REQUEST_TIMEOUT_MS', value: '0' },
  { command: 'smiley', variable: 'KEEP_ALIVE_TIMEOUT_MS', value: '5s' },
  { command: '', variable: 'FACES_SERVICE', value: 'colour' },
];

describe('bad configuration stops the process before it listens', () => {
  for (const { command, variable, value } of cases) {
    it(`faces ${command || '(FACES_SERVICE)'} with ${variable}=${value} exits 2 with one line naming both`, async () => {
      const result = await runFacesToExit(command === '' ? [] : [command], {
        [variable]: value,
        PORT: variable === 'PORT' ? value : '0',
      });
      assert.equal(result.code, 2);
      const firstLine = result.stderr.split('\n')[0] ?? '';
      assert.match(
        firstLine,
        new RegExp(`${variable}="${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is not valid: \\S`),
      );
      assert.equal(result.stdout, '', 'nothing was logged: it never started');
      assert.equal(result.stderr.trim().split('\n').length, 1, 'exactly one line');
    });
  }

  it('refuses an unknown command with exit 2 and one line that points to faces --help', async () => {
    const result = await runFacesToExit(['smilee']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'faces: unknown command "smilee" (see faces --help)\n');
  });
});
