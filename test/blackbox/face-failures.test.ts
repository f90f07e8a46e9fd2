import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Agent, request } from 'undici';
import { closedPort, type RecordingBackend, startHungServer, startRecordingBackend } from '../helpers/backends.js';
import { createAgent, get } from '../helpers/http.js';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-until.js';

const GRINNING = '&#x1F603;';
const CURSING = '&#x1F92C;';
const SLEEPING = '&#x1F634;';
const KABOOM = '&#x1F92F;';
const GREEN = '#228833';
const GREY = '#BBBBBB';
const RED = '#EE6677';
const YELLOW = '#CCBB44';

interface Face {
  smiley: string;
  color: string;
  errors: string[];
}

/** A GET that must be answered within a generous bound (far above face's timeout, far below a hang). */
async function getFace(
  url: string,
  agent: Agent,
  reset = false,
): Promise<{ status: number; degraded: unknown; face: Face }> {
  const response = await request(url, { dispatcher: agent, headersTimeout: 10_000, bodyTimeout: 10_000, reset });
  return {
    status: response.statusCode,
    degraded: response.headers['x-faces-degraded'],
    face: (await response.body.json()) as Face,
  };
}

describe('face when real backends fail', () => {
  const agent = createAgent(4);
  let smiley: RunningService;
  let face: RunningService;

  before(async () => {
    smiley = await startFaces(['smiley'], { ERROR_FRACTION: '100', FACES_SEED: '1' });
    face = await startFaces(['face'], {
      SMILEY_SERVICE: smiley.url,
      COLOR_SERVICE: `127.0.0.1:${await closedPort()}`,
      FACES_SEED: '1',
    });
  });
  after(async () => {
    await agent.close();
    await Promise.all([face?.stop(), smiley?.stop()]);
  });

  it('shows Cursing for smiley at ERROR_FRACTION=100 and grey for color on a closed port, still 200', async () => {
    const { status, degraded, face: body } = await getFace(`${face.url}/center/`, agent);
    assert.equal(status, 200);
    assert.equal(body.smiley, CURSING);
    assert.equal(body.color, GREY);
    assert.equal(body.errors.length, 2);
    assert.match(body.errors[0] ?? '', /^smiley: .* answered 500: Smiley error! \(error fraction 100%\)$/);
    assert.match(body.errors[1] ?? '', /^color: .*connection refused/);
    assert.equal(degraded, 'upstream-error;backend=smiley, upstream-error;backend=color');
  });
});

describe('face when both backends hang', () => {
  const agent = createAgent(4);
  let face: RunningService;
  let hung: Awaited<ReturnType<typeof startHungServer>>;

  before(async () => {
    hung = await startHungServer();
    face = await startFaces(['face'], {
      SMILEY_SERVICE: hung.url,
      COLOR_SERVICE: hung.url,
      BACKEND_TIMEOUT_MS: '300',
      FACES_SEED: '1',
    });
  });
  after(async () => {
    await agent.close();
    await face?.stop();
    await hung?.close();
  });

  it('answers 200 with Sleeping on red once the backend timeout passes', async () => {
    const { status, degraded, face: body } = await getFace(`${face.url}/edge/`, agent);
    assert.equal(status, 200);
    assert.equal(body.smiley, SLEEPING);
    assert.equal(body.color, RED);
    assert.match(body.errors[0] ?? '', /^smiley: no answer from 127\.0\.0\.1:\d+ within 300 ms$/);
    assert.match(body.errors[1] ?? '', /^color: no answer from 127\.0\.0\.1:\d+ within 300 ms$/);
    assert.equal(degraded, 'upstream-timeout;backend=smiley, upstream-timeout;backend=color');
    assert.ok(hung.accepted() >= 2, 'face did reach the hung server');
  });

  it('drops the hung connections and keeps answering', async () => {
    for (let i = 0; i < 3; i++) {
      const { status, face: body } = await getFace(`${face.url}/center/`, agent);
      assert.equal(status, 200);
      assert.equal(body.smiley, SLEEPING);
    }
  });
});

describe('face stopped while a backend hangs', () => {
  it('finishes the request in flight on SIGTERM, then exits 0', async (t) => {
    const agent = createAgent(1);
    const hung = await startHungServer();
    const face = await startFaces(['face'], {
      SMILEY_SERVICE: hung.url,
      COLOR_SERVICE: hung.url,
      BACKEND_TIMEOUT_MS: '500',
      DRAIN_SECONDS: '0',
    });
    t.after(async () => {
      await agent.close();
      await face.stop();
      await hung.close();
    });
    // Connection: close, so that no kept-alive socket outlives the answer (draining is the kit's business).
    const inFlight = getFace(`${face.url}/center/`, agent, true);
    // face has called both backends: the request is accepted and in flight.
    await waitFor('face to call both backends', () => hung.accepted() >= 2);
    assert.equal(hung.accepted(), 2);
    const exited = face.stop('SIGTERM');
    const { status, face: body } = await inFlight;
    assert.equal(status, 200);
    assert.equal(body.smiley, SLEEPING);
    assert.equal(await exited, 0);
  });
});

describe('face maps every kind of backend answer', () => {
  const agent = createAgent(4);
  const good = {
    smiley: { status: 200, body: `{"smiley":"${GRINNING}"}` },
    color: { status: 200, body: `{"color":"${GREEN}"}` },
  };
  let smileyBackend: RecordingBackend;
  let colorBackend: RecordingBackend;
  let face: RunningService;

  before(async () => {
    [smileyBackend, colorBackend] = await Promise.all([
      startRecordingBackend(good.smiley),
      startRecordingBackend(good.color),
    ]);
    face = await startFaces(['face'], {
      SMILEY_SERVICE: smileyBackend.url,
      COLOR_SERVICE: colorBackend.url,
      FACES_SEED: '1',
    });
  });
  after(async () => {
    await agent.close();
    await face?.stop();
    await Promise.all([smileyBackend?.close(), colorBackend?.close()]);
  });

  const cases = [
    { answer: { status: 200, body: '' }, smiley: GRINNING, color: GREEN, cause: undefined, ok: true },
    {
      answer: { status: 429, body: '{"errors":["Rate limited"]}' },
      smiley: KABOOM,
      color: YELLOW,
      cause: 'upstream-rate-limited',
    },
    {
      answer: { status: 504, body: 'upstream request timeout' },
      smiley: SLEEPING,
      color: RED,
      cause: 'upstream-timeout',
    },
    { answer: { status: 503, body: '' }, smiley: CURSING, color: GREY, cause: 'upstream-error' },
    {
      answer: { status: 599, body: '{"errors":["Latched into error state"]}' },
      smiley: CURSING,
      color: GREY,
      cause: 'upstream-error',
    },
    { answer: { status: 200, body: '<html>not json</html>' }, smiley: CURSING, color: GREY, cause: 'upstream-error' },
    { answer: { status: 200, body: '{"something":"else"}' }, smiley: CURSING, color: GREY, cause: 'upstream-error' },
  ];
  for (const { answer, smiley, color, cause, ok } of cases) {
    const what = ok ? 'a good answer' : `${answer.status} ${JSON.stringify(answer.body)}`;
    it(`shows ${smiley} for ${what} from smiley, and ${color} for it from color`, async () => {
      smileyBackend.answer = ok ? good.smiley : answer;
      colorBackend.answer = good.color;
      const fromSmiley = await getFace(`${face.url}/center/`, agent);
      assert.equal(fromSmiley.status, 200);
      assert.deepEqual([fromSmiley.face.smiley, fromSmiley.face.color], [smiley, GREEN]);
      assert.equal(fromSmiley.face.errors.length, ok ? 0 : 1);
      if (!ok)
        assert.match(
          fromSmiley.face.errors[0] ?? '',
          new RegExp(`^smiley: 127\\.0\\.0\\.1:\\d+ answered ${answer.status}`),
        );
      assert.equal(fromSmiley.degraded, cause === undefined ? undefined : `${cause};backend=smiley`);

      smileyBackend.answer = good.smiley;
      colorBackend.answer = ok ? good.color : answer;
      const fromColor = await getFace(`${face.url}/center/`, agent);
      assert.equal(fromColor.status, 200);
      assert.deepEqual([fromColor.face.smiley, fromColor.face.color], [GRINNING, color]);
      assert.equal(fromColor.face.errors.length, ok ? 0 : 1);
      if (!ok) assert.match(fromColor.face.errors[0] ?? '', /^color: /);
      assert.equal(fromColor.degraded, cause === undefined ? undefined : `${cause};backend=color`);
    });
  }

  it('counts failed calls in the backend histogram by outcome', async () => {
    const metrics = await get(`${face.url}/metrics`, { agent });
    for (const outcome of ['ok', 'error', 'timeout', 'rate-limited']) {
      assert.match(
        metrics.body,
        new RegExp(
          `^faces_backend_request_duration_seconds_count\\{[^}]*backend="smiley",outcome="${outcome}"\\} [1-9]`,
          'm',
        ),
      );
    }
  });
});
