// Case 2 of issue 19: the streams of a connection that is closed under them are released: the
// in-flight gauge and color's memory come back down, round after round.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startFaces } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';
import { heldCall, inFlight, openSession } from './h2-peer.js';
import { MiB, rssBytes } from './memory.js';

const ROUNDS = 5;
const SESSIONS = 10;
const STREAMS = 500;

describe('gRPC connections closed with calls held open', () => {
  it(`${ROUNDS} rounds of ${SESSIONS}×${STREAMS} held calls, then the connections closed: in-flight 0, memory back`, {
    timeout: 30_000,
  }, async (t) => {
    const color = await startFaces(['color']);
    t.after(() => color.stop('SIGKILL'));
    const baseline = await rssBytes(color.child.pid);
    for (let round = 0; round < ROUNDS; round++) {
      const sessions = await Promise.all(Array.from({ length: SESSIONS }, () => openSession(color.port)));
      for (const session of sessions) for (let i = 0; i < STREAMS; i++) heldCall(session);
      await waitUntil(
        'held calls in flight',
        () => inFlight(color.url),
        (count) => count > SESSIONS,
      );
      // The TCP connection goes, with no GOAWAY or RST_STREAM: as a killed pod's would.
      for (const session of sessions) session.socket.destroy();
      await waitUntil(
        `round ${round + 1}: in-flight back to the scrape alone`,
        () => inFlight(color.url),
        (count) => count === 1,
      );
    }
    const grown = (await rssBytes(color.child.pid)) - baseline;
    assert.ok(grown < 64 * MiB, `color's RSS grew by ${(grown / MiB).toFixed(0)} MiB over ${ROUNDS} rounds`);
  });
});
