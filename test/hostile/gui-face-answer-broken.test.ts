import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { GOOD_FACE, HOSTILE_PATHS, type HostileFace, startHostileFace } from '../helpers/hostile-face.js';
import { createAgent } from '../helpers/http.js';
import { type RunningService, startFaces } from '../helpers/processes.js';

const FACE_TIMEOUT_MS = 1000;
/** The GUI's deadline plus room for a noisy machine; the client gives up later still. */
const ANSWER_BOUND_MS = FACE_TIMEOUT_MS + 2000;
const ASK_MS = 10_000;

describe('the GUI facing a face that answers garbage or nothing', () => {
  const agent = createAgent(4);
  let face: HostileFace;
  let gui: RunningService;

  before(async () => {
    face = await startHostileFace(0);
    gui = await startFaces(['gui'], {
      FACE_SERVICE: face.address,
      FACE_TIMEOUT_MS: String(FACE_TIMEOUT_MS),
      FACES_SEED: '1',
    });
  });
  after(async () => {
    await agent.close();
    await gui?.stop();
    await face?.close();
  });

  async function ask(path: string) {
    const started = performance.now();
    const response = await request(`${gui.url}${path}`, { dispatcher: agent, signal: AbortSignal.timeout(ASK_MS) });
    const body = await response.body.text();
    return { status: response.statusCode, body, ms: performance.now() - started, pod: response.headers['x-faces-pod'] };
  }

  async function assertGoodFaceWorks() {
    for (let i = 0; i < 3; i++) {
      const { status, body } = await ask(HOSTILE_PATHS.good);
      assert.deepEqual({ status, body }, { status: 200, body: GOOD_FACE });
    }
    assert.equal((await ask('/healthz')).status, 200);
  }

  it('answers bytes that are not HTTP with 502 and a reason, at once', async () => {
    const { status, body, ms, pod } = await ask(HOSTILE_PATHS.garbage);
    assert.equal(status, 502, body);
    assert.match(
      body,
      /^\{"errors":\["face at 127\.0\.0\.1:\d+ answered something that is not HTTP\/1\.1: [^"]+"\]\}$/,
    );
    assert.equal(pod, undefined, 'no pod answered');
    assert.ok(ms < ANSWER_BOUND_MS, `took ${Math.round(ms)} ms`);
  });

  it('answers good faces after garbage', assertGoodFaceWorks);

  it(`answers a face that never answers with 504 within FACE_TIMEOUT_MS (${FACE_TIMEOUT_MS} ms)`, async () => {
    const { status, body, ms } = await ask(HOSTILE_PATHS.hang);
    assert.equal(status, 504, body);
    assert.match(body, new RegExp(`did not answer within ${FACE_TIMEOUT_MS} ms`));
    assert.ok(ms >= FACE_TIMEOUT_MS * 0.9, `gave up after ${Math.round(ms)} ms, before its deadline`);
    assert.ok(ms < ANSWER_BOUND_MS, `took ${Math.round(ms)} ms`);
  });

  it('answers good faces after a hang, also while others hang', async () => {
    const hung = Promise.all([ask(HOSTILE_PATHS.hang), ask(HOSTILE_PATHS.hang)]);
    await assertGoodFaceWorks();
    assert.deepEqual(
      (await hung).map((answer) => answer.status),
      [504, 504],
    );
    await assertGoodFaceWorks();
  });
});
