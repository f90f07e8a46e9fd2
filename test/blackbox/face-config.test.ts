import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runFacesToExit } from '../helpers/processes.js';

const cases: { variable: string; value: string }[] = [
  { variable: 'SMILEY_SERVICE', value: 'smiley:99999' },
  { variable: 'SMILEY_SERVICE', value: 'https://smiley' },
  { variable: 'COLOR_SERVICE', value: 'color:80/color' },
  { variable: 'COLOR_SERVICE', value: 'color:' },
  { variable: 'BACKEND_TIMEOUT_MS', value: '0' },
  { variable: 'BACKEND_TIMEOUT_MS', value: '1s' },
  { variable: 'BACKEND_CONNECTIONS', value: 'many' },
];

describe('faces face refuses a bad backend setting before it listens', () => {
  for (const { variable, value } of cases) {
    it(`exits 2 with one line naming ${variable}=${value}`, async () => {
      const result = await runFacesToExit(['face'], { [variable]: value });
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '', 'nothing was logged: it never started');
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.ok(lines[0]?.startsWith(`faces face: ${variable}=${JSON.stringify(value)} is not valid: `), lines[0]);
    });
  }
});
