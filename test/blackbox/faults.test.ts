import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAgent, get, getMany } from '../helpers/http.js';
import { startFaces } from '../helpers/processes.js';
import { parsePrometheus, sumOf } from '../helpers/prometheus.js';
import { binomialBounds } from '../helpers/stats.js';

describe('fault injection over real HTTP', () => {
  it('ERROR_FRACTION=20 fails 20 % of 4000 requests (within a binomial bound), all as 500s, all counted', async (t) => {
    const smiley = await startFaces(['smiley'], { ERROR_FRACTION: '20', FACES_SEED: '2024' });
    const agent = createAgent();
    t.after(() => Promise.all([smiley.stop(), agent.close()]));
    const statuses = await getMany(`${smiley.url}/center/`, 4000, 16, agent);
    const failures = statuses.filter((status) => status === 500).length;
    const { low, high } = binomialBounds(4000, 0.2);
    assert.ok(failures >= low && failures <= high, `${failures} failures, expected ${low}..${high}`);
    assert.equal(failures + statuses.filter((status) => status === 200).length, 4000, 'only 200s and 500s');
    // The original's off-by-one would fail 21 %: 840 of 4000, outside this bound's centre by 2.7 sd.
    const samples = parsePrometheus((await get(`${smiley.url}/metrics`)).body);
    assert.equal(sumOf(samples, 'faces_injected_faults_total', { kind: 'error' }), failures);
    assert.equal(sumOf(samples, 'http_request_duration_seconds_count', { status: '500' }), failures);
    assert.equal(sumOf(samples, 'http_request_duration_seconds_count', { status: '200', path: '/*' }), 4000 - failures);
  });

  it('replays the same faults with the same FACES_SEED', async (t) => {
    const env = { ERROR_FRACTION: '30', LATCH_FRACTION: '0', FACES_SEED: '7' };
    const [first, second] = await Promise.all([startFaces(['color'], env), startFaces(['color'], env)]);
    const agent = createAgent(1);
    t.after(() => Promise.all([first.stop(), second.stop(), agent.close()]));
    const a = await getMany(`${first.url}/`, 300, 1, agent);
    const b = await getMany(`${second.url}/`, 300, 1, agent);
    assert.deepEqual(a, b);
    assert.ok(a.includes(500) && a.includes(200));
  });

  it('DELAY_BUCKETS makes each request wait a bucket, and counts the delays', async (t) => {
    const slow = await startFaces(['smiley'], { DELAY_BUCKETS: '300', FACES_SEED: '1' });
    t.after(() => slow.stop());
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      assert.equal((await get(`${slow.url}/edge/`)).status, 200);
      assert.ok(performance.now() - started >= 295, 'answered before its delay');
    }
    const samples = parsePrometheus((await get(`${slow.url}/metrics`)).body);
    assert.equal(sumOf(samples, 'faces_injected_delays_total'), 5);
  });

  it('a latched service answers 599 to everything until it has been idle for the window', async (t) => {
    const latchy = await startFaces(['smiley'], {
      ERROR_FRACTION: '50',
      LATCH_FRACTION: '100',
      LATCH_IDLE_SECONDS: '1',
      FACES_SEED: '3',
    });
    t.after(() => latchy.stop());
    let answer = await get(`${latchy.url}/`);
    for (let i = 0; i < 50 && answer.status !== 599; i++) answer = await get(`${latchy.url}/`);
    assert.equal(answer.status, 599, 'an error latched within 50 requests');
    for (let i = 0; i < 20; i++) {
      const latched = await get(`${latchy.url}/center/`);
      assert.equal(latched.status, 599);
      assert.deepEqual(JSON.parse(latched.body), { errors: ['Latched into error state'] });
    }
    // The behaviour under test is idleness itself: no request for longer than the 1 s window.
    await sleep(1500);
    const after = await get(`${latchy.url}/`);
    assert.notDeepEqual(JSON.parse(after.body), { errors: ['Latched into error state'] }, 'released after idling');
  });

  it('MAX_RATE answers 429 once the ten-second rate is above it, without doing the work', async (t) => {
    const limited = await startFaces(['color'], { MAX_RATE: '5' });
    const agent = createAgent(1);
    t.after(() => Promise.all([limited.stop(), agent.close()]));
    const statuses = await getMany(`${limited.url}/`, 80, 1, agent);
    // 50 requests in ten seconds is a rate of 5.0, not above it; the 51st is above.
    assert.deepEqual(statuses.slice(0, 50), Array(50).fill(200));
    assert.ok(
      statuses.slice(50).every((status) => status === 429),
      statuses.slice(50).join(','),
    );
    const answer = await get(`${limited.url}/`);
    assert.equal(answer.headers['x-faces-fault'], 'rate-limited');
    assert.match(JSON.parse(answer.body).errors[0], /^Rate limited \(\d+\.\d RPS > max 5 RPS\)$/);
  });

  it('never touches /healthz, /readyz, /ready or /metrics, even at ERROR_FRACTION=100 with latching and a rate limit', async (t) => {
    const broken = await startFaces(['smiley'], {
      ERROR_FRACTION: '100',
      LATCH_FRACTION: '100',
      MAX_RATE: '0.1',
      DELAY_BUCKETS: '50',
    });
    const agent = createAgent(4);
    t.after(() => Promise.all([broken.stop(), agent.close()]));
    for (const path of ['/healthz', '/readyz', '/ready', '/metrics']) {
      const statuses = await getMany(`${broken.url}${path}`, 100, 4, agent);
      assert.deepEqual(new Set(statuses), new Set([200]), path);
    }
    const near = await get(`${broken.url}/healthzz`);
    assert.notEqual(near.status, 200, 'a near-miss of a reserved path is a normal, faulted request');
  });
});
