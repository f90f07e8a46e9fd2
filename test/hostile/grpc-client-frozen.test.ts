// face's gRPC client meets a frozen connection: color's established connections stop answering
// (the peer is alive, packets go unanswered) while new connections would be served. Keep-alive
// PINGs with a timeout must drop the frozen ones and dial anew, so whole faces come back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitUntil } from '../helpers/wait-until.js';
import { askFaces, brokenOf, type GrpcFaceStack, startGrpcFaceStack } from './grpc-client-proxy.js';

/** Keep-alive interval + PING timeout (2 s by default), plus a noisy machine's slack. */
const RECOVERED_WITHIN_MS = 8_000;

describe("face's gRPC client and a frozen connection to color", () => {
  let stack: GrpcFaceStack;
  before(async () => {
    // face's own timeout: the calls stuck on a frozen connection end within it.
    stack = await startGrpcFaceStack([{}], { BACKEND_TIMEOUT_MS: '1000' });
  });
  after(async () => stack?.stop());

  it('drops the frozen connections and dials new ones: whole faces again within seconds', async () => {
    const { face, proxy, colors } = stack;
    const port = colors[0]?.port ?? 0;
    await waitUntil(
      '16 whole faces in a row before the freeze',
      () => askFaces(face.url, 16, 4),
      (answers) => brokenOf(answers).length === 0,
      15_000,
    );
    const dialled = proxy.accepted.get(port) ?? 0;
    proxy.freeze();
    const frozenAt = performance.now();
    await waitUntil(
      '16 whole faces in a row after the connections froze',
      () => askFaces(face.url, 16, 4),
      (answers) => brokenOf(answers).length === 0,
      RECOVERED_WITHIN_MS,
    );
    const recoveredMs = Math.round(performance.now() - frozenAt);
    assert.ok((proxy.accepted.get(port) ?? 0) > dialled, 'new connections were dialled');
    process.stdout.write(`# whole faces again ${recoveredMs} ms after the freeze\n`);
  });
});
