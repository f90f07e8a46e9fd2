import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAgent, get } from '../helpers/http.js';
import { startFaces } from '../helpers/processes.js';
import { parsePrometheus, sumOf } from '../helpers/prometheus.js';
import { waitFor } from '../helpers/wait-until.js';

describe('graceful shutdown', () => {
  it('SIGTERM with 20 slow requests in flight answers all 20 with 200 and exits 0', async (t) => {
    const smiley = await startFaces(['smiley'], { DELAY_BUCKETS: '1500', DRAIN_SECONDS: '0' });
    const agent = createAgent(32);
    t.after(() => Promise.all([smiley.stop('SIGKILL'), agent.close()]));
    const inFlight = Array.from({ length: 20 }, () => get(`${smiley.url}/center/`, { agent }));
    await waitFor('20 requests in flight', async () => {
      const samples = parsePrometheus((await get(`${smiley.url}/metrics`)).body);
      // The scrape itself is in flight while it is answered.
      return sumOf(samples, 'http_requests_in_flight') >= 21;
    });
    const exitCode = smiley.stop('SIGTERM');
    const answers = await Promise.all(inFlight);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      Array(20).fill(200),
    );
    assert.equal(await exitCode, 0);
  });

  it('during the drain, readiness is 503 while normal requests are still served', async (t) => {
    const color = await startFaces(['color'], { DRAIN_SECONDS: '3' });
    t.after(() => color.stop('SIGKILL'));
    assert.equal((await get(`${color.url}/readyz`)).status, 200);
    const exitCode = color.stop('SIGTERM');
    await waitFor('readiness to turn 503', async () => (await get(`${color.url}/readyz`)).status === 503);
    assert.equal((await get(`${color.url}/ready`)).status, 503);
    assert.equal((await get(`${color.url}/healthz`)).status, 200);
    const served = await get(`${color.url}/center/`);
    assert.equal(served.status, 200);
    assert.deepEqual(JSON.parse(served.body), { color: '#228833' });
    assert.equal(await exitCode, 0);
  });
});
