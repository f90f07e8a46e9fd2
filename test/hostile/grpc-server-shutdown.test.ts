// Case 5 of issue 19: SIGTERM while gRPC clients hold calls (headers only; a reply with no
// window) ends those calls and exits 0, within DRAIN_SECONDS + REQUEST_TIMEOUT_MS, well before
// SHUTDOWN_TIMEOUT_SECONDS.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startFaces } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';
import { fullCall, heldCall, inFlight, openSession } from './h2-peer.js';

describe('SIGTERM with gRPC calls held open', () => {
  it('ends the held calls and exits 0 before SHUTDOWN_TIMEOUT_SECONDS', { timeout: 30_000 }, async (t) => {
    const color = await startFaces(['color'], {
      DRAIN_SECONDS: '0',
      REQUEST_TIMEOUT_MS: '2000',
      SHUTDOWN_TIMEOUT_SECONDS: '12',
    });
    t.after(() => color.stop('SIGKILL'));
    const held = await openSession(color.port);
    const stalled = await openSession(color.port, { settings: { initialWindowSize: 0 } });
    t.after(() => {
      held.destroy();
      stalled.destroy();
    });
    for (let i = 0; i < 10; i++) heldCall(held);
    fullCall(stalled);
    await waitUntil(
      'the held calls in flight',
      () => inFlight(color.url),
      (count) => count >= 11,
    );
    const started = performance.now();
    const code = await color.stop('SIGTERM');
    const seconds = (performance.now() - started) / 1000;
    console.log(`# SIGTERM with 11 held calls: exit ${code} after ${seconds.toFixed(2)} s`);
    assert.equal(code, 0, `exit ${code} after ${seconds.toFixed(1)} s`);
  });
});
