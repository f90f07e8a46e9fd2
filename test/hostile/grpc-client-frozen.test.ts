// face's gRPC client meets a frozen connection: color's established connections stop answering
// (the peer is alive, packets go unanswered) while new connections would be served. Keep-alive
// PINGs with a timeout must drop the frozen ones and dial anew, so whole faces come back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';
import { askFaces, brokenOf, startTcpProxy, type TcpProxy } from './grpc-client-proxy.js';

/** Keep-alive interval + PING timeout (2 s by default), plus a noisy machine's slack. */
const RECOVERED_WITHIN_MS = 8_000;

describe("face's gRPC client and a frozen connection to color", () => {
  let color: RunningService;
  let smiley: RunningService;
  let proxy: TcpProxy;
  let face: RunningService;
  before(async () => {
    [color, smiley] = await Promise.all([
      startFaces(['color'], { FACES_SEED: '1' }),
      startFaces(['smiley'], { FACES_SEED: '1' }),
    ]);
    proxy = await startTcpProxy([color.port]);
    face = await startFaces(['face'], {
      FACES_SEED: '1',
      SMILEY_SERVICE: smiley.url,
      COLOR_SERVICE: proxy.url,
      BACKEND_TIMEOUT_MS: '500',
    });
  });
  after(async () => {
    await face?.stop();
    await proxy?.close();
    await Promise.all([color?.stop(), smiley?.stop()]);
  });

  it('drops the frozen connections and dials new ones: whole faces again within seconds', async () => {
    const warm = await askFaces(face.url, 64, 8);
    assert.deepEqual(brokenOf(warm), [], 'faces are whole before the freeze');
    const dialled = proxy.accepted.get(color.port) ?? 0;
    proxy.freeze();
    const frozenAt = performance.now();
    await waitUntil(
      '16 whole faces in a row after the connections froze',
      () => askFaces(face.url, 16, 4),
      (answers) => brokenOf(answers).length === 0,
      RECOVERED_WITHIN_MS,
    );
    const recoveredMs = Math.round(performance.now() - frozenAt);
    assert.ok((proxy.accepted.get(color.port) ?? 0) > dialled, 'new connections were dialled');
    process.stdout.write(`# whole faces again ${recoveredMs} ms after the freeze\n`);
  });
});
