import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startRecordingBackend } from '../helpers/backends.js';
import { createAgent, get } from '../helpers/http.js';
import { type RunningService, startFaces } from '../helpers/processes.js';

const HEART_EYES = '&#x1F60D;';
const GREEN = '#228833';

describe('face over real smiley and color', () => {
  const agent = createAgent();
  let smiley: RunningService;
  let color: RunningService;
  let face: RunningService;

  before(async () => {
    [smiley, color] = await Promise.all([
      startFaces(['smiley'], { SMILEY: 'HeartEyes', FACES_SEED: '1' }),
      startFaces(['color'], { FACES_SEED: '1' }),
    ]);
    face = await startFaces(['face'], { SMILEY_SERVICE: smiley.url, COLOR_SERVICE: color.url, FACES_SEED: '1' });
  });
  after(async () => {
    await agent.close();
    await Promise.all([face?.stop(), smiley?.stop(), color?.stop()]);
  });

  for (const path of ['/', '/center/', '/edge/?row=1&col=2', '/face/center/', '/cell/anything']) {
    it(`GET ${path} composes SMILEY=HeartEyes on the default green, with no errors`, async () => {
      const answer = await get(`${face.url}${path}`, { agent });
      assert.equal(answer.status, 200);
      assert.match(String(answer.headers['content-type']), /^application\/json/);
      assert.deepEqual(JSON.parse(answer.body), { smiley: HEART_EYES, color: GREEN, errors: [] });
      assert.equal(answer.headers['x-faces-degraded'], undefined);
      assert.equal(answer.headers['x-faces-user'], 'unknown');
    });
  }

  it('answers HEAD like GET, without a body', async () => {
    const answer = await get(`${face.url}/center/`, { agent, method: 'HEAD' });
    assert.equal(answer.status, 200);
    assert.equal(answer.body, '');
  });

  it('reports its rate on GET /rl as JSON', async () => {
    const answer = await get(`${face.url}/rl`, { agent });
    assert.equal(answer.status, 200);
    const body = JSON.parse(answer.body) as { rl: unknown; maxRate: unknown };
    assert.equal(typeof body.rl, 'number');
    assert.equal(body.maxRate, 0);
  });

  it('counts its backend calls in a histogram by backend and outcome', async () => {
    const answer = await get(`${face.url}/metrics`, { agent });
    for (const backend of ['smiley', 'color']) {
      const count = new RegExp(
        `^faces_backend_request_duration_seconds_count\\{[^}]*backend="${backend}",outcome="ok"\\} (\\d+)$`,
        'm',
      ).exec(answer.body);
      assert.ok(count?.[1] !== undefined && Number(count[1]) >= 5, `${backend} ok count in\n${answer.body}`);
    }
    assert.match(answer.body, /faces_backend_request_duration_seconds_count\{[^}]*outcome="timeout"\} 0$/m);
  });

  it('exits 0 on SIGTERM, its pools closed', async () => {
    assert.equal(await face.stop('SIGTERM'), 0);
  });
});

describe('face with MAX_RATE', () => {
  const agent = createAgent(4);

  it('answers 429 above the rate without calling its backends, and /rl reports the rate', async (t) => {
    const body = { status: 200, body: '{"smiley":"&#x1F603;","color":"#228833"}' };
    const [smileyBackend, colorBackend] = await Promise.all([startRecordingBackend(body), startRecordingBackend(body)]);
    const face = await startFaces(['face'], {
      SMILEY_SERVICE: smileyBackend.url,
      COLOR_SERVICE: colorBackend.url,
      MAX_RATE: '2',
      FACES_SEED: '1',
    });
    t.after(async () => {
      await agent.close();
      await face.stop();
      await Promise.all([smileyBackend.close(), colorBackend.close()]);
    });
    // 2 requests per second over a 10 s window: 20 pass, the rest of 40 sent at once are limited.
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await get(`${face.url}/center/`, { agent }));
    const limited = answers.filter((answer) => answer.status === 429);
    const served = answers.filter((answer) => answer.status === 200);
    assert.ok(limited.length >= 15, `${limited.length} of 40 limited`);
    assert.equal(served.length + limited.length, 40);
    for (const answer of limited) {
      assert.equal(answer.headers['x-faces-fault'], 'rate-limited');
      assert.equal(answer.headers['x-faces-degraded'], 'rate-limited');
      assert.match(answer.body, /Rate limited/);
    }
    assert.equal(smileyBackend.requests.length, served.length, 'a limited request never reaches smiley');
    assert.equal(colorBackend.requests.length, served.length, 'a limited request never reaches color');
    const rate = JSON.parse((await get(`${face.url}/rl`, { agent })).body) as { rl: number; maxRate: number };
    assert.ok(rate.rl > 2, `rate ${rate.rl}`);
    assert.equal(rate.maxRate, 2);
  });
});
