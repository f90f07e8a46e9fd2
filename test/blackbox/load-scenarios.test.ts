import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFacesToExit, startFaces } from '../helpers/processes.js';
import { binomialBounds } from '../helpers/stats.js';

const REQUESTS = 1000;

/**
 * The workshop's canary verdicts, end to end: `faces load --fail-under 70` against a real face
 * (with real smiley and color behind it) whose ERROR_FRACTION is what the canary is patched to.
 */
const scenarios = [
  { name: 'ERROR_FRACTION=75 fails the 70 % threshold', errorFraction: 75, code: 1 },
  { name: 'ERROR_FRACTION=20 passes the 70 % threshold', errorFraction: 20, code: 0 },
];

for (const { name, errorFraction, code } of scenarios) {
  test(name, async (t) => {
    const [smiley, color] = await Promise.all([startFaces(['smiley']), startFaces(['color'])]);
    t.after(() => Promise.all([smiley.stop(), color.stop()]));
    const target = await startFaces(['face'], {
      ERROR_FRACTION: String(errorFraction),
      FACES_SEED: '42',
      SMILEY_SERVICE: smiley.url,
      COLOR_SERVICE: color.url,
    });
    t.after(() => target.stop());
    const run = await runFacesToExit(
      ['load', '-n', String(REQUESTS), '-c', '4', '--fail-under', '70', '--json', `${target.url}/`],
      {},
      60_000,
    );
    assert.equal(run.code, code, run.stderr);
    const summary = JSON.parse(run.stdout) as { requests: number; successRate: number; statusCodes: object };
    assert.equal(summary.requests, REQUESTS);
    const successes = Math.round((summary.successRate * REQUESTS) / 100);
    const { low, high } = binomialBounds(REQUESTS, 1 - errorFraction / 100);
    assert.ok(successes >= low && successes <= high, `${successes} successes, expected ${low}..${high}`);
    assert.equal(summary.successRate < 70, code === 1);
    assert.deepEqual(Object.keys(summary.statusCodes), ['200', '500']);
  });
}
