import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { get } from '../helpers/http.js';
import { runFacesToExit, startFaces } from '../helpers/processes.js';

const TOKEN = 'blackbox-cli-token';

describe('faces faults', () => {
  it('shows, sets for one user and resets, printing the settings as a table each time', async (t) => {
    const smiley = await startFaces(['smiley'], { CONTROL_TOKEN: TOKEN, DELAY_BUCKETS: '0,5' });
    t.after(() => smiley.stop());
    const env = { FACES_CONTROL_TOKEN: TOKEN };

    const shown = await runFacesToExit(['faults', '--target', smiley.url], env);
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(
      shown.stdout,
      [
        `${smiley.url}/faults`,
        'settings       error %  latch %  delay buckets (ms)  max rate (RPS)',
        'environment    0        0        0,5                 off',
        'everyone else  0        0        0,5                 off',
        '',
      ].join('\n'),
    );

    const set = await runFacesToExit(
      ['faults', '--target', smiley.url, '--user', 'testuser', '--error-fraction', '100', '--max-rate', '50'],
      env,
    );
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, /^user "testuser"\s+100\s+0\s+0,5\s+50$/m);
    assert.equal((await get(`${smiley.url}/`, { headers: { 'x-faces-user': 'testuser' } })).status, 500);

    const reset = await runFacesToExit(['faults', '--target', smiley.url, '--user', 'testuser', '--reset'], env);
    assert.equal(reset.code, 0, reset.stderr);
    assert.doesNotMatch(reset.stdout, /testuser/);
    assert.equal((await get(`${smiley.url}/`, { headers: { 'x-faces-user': 'testuser' } })).status, 200);
  });

  it("prints the service's one-line refusal and exits 1 on a bad value or a wrong token", async (t) => {
    const color = await startFaces(['color'], { CONTROL_TOKEN: TOKEN });
    t.after(() => color.stop());
    const bad = await runFacesToExit(['faults', '--target', color.url, '--error-fraction', '101'], {
      FACES_CONTROL_TOKEN: TOKEN,
    });
    assert.equal(bad.code, 1);
    assert.equal(
      bad.stderr,
      'faces faults: 400: errorFraction: ERROR_FRACTION="101" is not valid: an integer percent from 0 to 100\n',
    );
    const wrong = await runFacesToExit(['faults', '--target', color.url], { FACES_CONTROL_TOKEN: `${TOKEN}-not` });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /^faces faults: 403: /);
  });

  it('exits 2 with one line without FACES_CONTROL_TOKEN or with a bad flag', async () => {
    const noToken = await runFacesToExit(['faults', '--target', 'http://127.0.0.1:9']);
    assert.equal(noToken.code, 2);
    assert.equal(noToken.stderr, 'faces faults: FACES_CONTROL_TOKEN is not set: the service needs its CONTROL_TOKEN\n');
    const badFlag = await runFacesToExit(['faults', '--target', 'http://127.0.0.1:9', '--eror-fraction', '5'], {
      FACES_CONTROL_TOKEN: TOKEN,
    });
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /unknown argument "--eror-fraction"/);
  });
});
