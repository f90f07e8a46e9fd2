// Case 1 of issue 19: a gRPC client that goes away in the middle of its calls (its session
// destroyed, or a stream reset with NO_ERROR) must not crash color, whose other callers go on.
import assert from 'node:assert/strict';
import { constants } from 'node:http2';
import { describe, it } from 'node:test';
import { colorClient } from '../helpers/grpc-client.js';
import { startFaces } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';
import { fullCall, heldCall, inFlight, openSession } from './h2-peer.js';

const CALLS = 20;

describe('color with gRPC clients that leave mid-call', () => {
  it('survives sessions destroyed and streams reset while calls are held, and keeps answering', {
    timeout: 30_000,
  }, async (t) => {
    const color = await startFaces(['color']);
    t.after(() => color.stop('SIGKILL'));
    const client = colorClient(color.port);
    t.after(() => client.close());

    for (let round = 0; round < 3; round++) {
      const session = await openSession(color.port);
      for (let i = 0; i < CALLS; i++) heldCall(session);
      await waitUntil(
        'the held calls in flight',
        () => inFlight(color.url),
        (count) => count >= CALLS + 1,
      );
      session.destroy();

      const resetting = await openSession(color.port);
      const streams = Array.from({ length: CALLS }, () => heldCall(resetting));
      await waitUntil(
        'the held calls in flight',
        () => inFlight(color.url),
        (count) => count >= CALLS + 1,
      );
      for (const stream of streams) stream.close(constants.NGHTTP2_NO_ERROR);
      // A full call whose reply the client resets before it is read.
      fullCall(resetting).close(constants.NGHTTP2_NO_ERROR);
      resetting.close();
    }

    const answer = await client.center({}, { 'x-faces-user': 'after' });
    assert.equal(color.child.exitCode, null, `color exited ${color.child.exitCode}`);
    assert.equal(answer.code, 0, answer.details);
  });
});
