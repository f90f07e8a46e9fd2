import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { GOOD_FACE, HOSTILE_PATHS, type HostileFace, startHostileFace } from '../helpers/hostile-face.js';
import { createAgent } from '../helpers/http.js';
import { peakRssOf } from '../helpers/peak-rss.js';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-until.js';

const MIB = 1024 * 1024;
/** Big enough that buffering it shows plainly in the GUI's memory, small enough to stay quick. */
const FLOOD_BYTES = 64 * MIB;
/** What the GUI may read of a flood before cutting it off: its cap plus what socket buffers hold. */
const READ_BOUND = 16 * MIB;
const ASK_MS = 20_000;

/** Waits for a condition, bounded in time. */
describe('the GUI facing a face that floods its answer', () => {
  const agent = createAgent(4);
  let face: HostileFace;
  let gui: RunningService;

  before(async () => {
    face = await startHostileFace(FLOOD_BYTES);
    // A deadline far above the flood's time, so only the GUI's cap can stop it.
    gui = await startFaces(['gui'], { FACE_SERVICE: face.address, FACE_TIMEOUT_MS: '30000', FACES_SEED: '1' });
  });
  after(async () => {
    await agent.close();
    await gui?.stop();
    await face?.close();
  });

  async function ask(path: string) {
    const response = await request(`${gui.url}${path}`, { dispatcher: agent, signal: AbortSignal.timeout(ASK_MS) });
    return { status: response.statusCode, body: await response.body.text() };
  }

  async function assertGoodFaceWorks() {
    for (let i = 0; i < 5; i++) assert.deepEqual(await ask(HOSTILE_PATHS.good), { status: 200, body: GOOD_FACE });
    assert.equal((await ask('/healthz')).status, 200);
  }

  it('passes a good face through (the baseline)', assertGoodFaceWorks);

  for (const [kind, path] of [
    ['chunked flood', HOSTILE_PATHS.floodChunked],
    ['flood with a 64 MiB Content-Length', HOSTILE_PATHS.floodLength],
  ] as const) {
    it(`answers a ${kind} with 502 and a one-line reason, without buffering it`, async (t) => {
      const peakBefore = await peakRssOf(gui.child.pid);
      const { status, body } = await ask(path);
      await waitFor('the flood to end', () => face.lastFlood.cutOff || face.lastFlood.sent >= FLOOD_BYTES);
      const grown = (await peakRssOf(gui.child.pid)) - peakBefore;
      t.diagnostic(`peak RSS +${(grown / MIB).toFixed(1)} MiB; face handed ${face.lastFlood.sent} bytes to its socket`);
      assert.ok(grown < READ_BOUND, `the GUI's peak RSS grew by ${(grown / MIB).toFixed(1)} MiB`);
      assert.ok(face.lastFlood.cutOff, `the GUI read the whole ${FLOOD_BYTES / MIB} MiB flood`);
      assert.ok(face.lastFlood.sent < READ_BOUND, `${(face.lastFlood.sent / MIB).toFixed(1)} MiB went out`);
      assert.equal(status, 502, `status ${status}, ${body.length} bytes`);
      assert.ok(!body.includes('\n'), 'one line');
      assert.match(body, /^\{"errors":\["face at 127\.0\.0\.1:\d+ answered more than 65536 bytes[^"]*"\]\}$/);
    });

    it(`answers good faces again after a ${kind}`, assertGoodFaceWorks);
  }

  it('survives floods back to back and keeps its pool usable', async () => {
    for (let i = 0; i < 3; i++) {
      const answers = await Promise.all([ask(HOSTILE_PATHS.floodChunked), ask(HOSTILE_PATHS.good)]);
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [502, 200],
      );
    }
    await assertGoodFaceWorks();
  });
});
