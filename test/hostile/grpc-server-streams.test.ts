// Case 3 of issue 19: color bounds the streams of each HTTP/2 connection. It advertises
// SETTINGS_MAX_CONCURRENT_STREAMS (100): a client that keeps to it queues the rest; one that
// ignores it has each stream over the bound refused with RST_STREAM REFUSED_STREAM.
import assert from 'node:assert/strict';
import { constants } from 'node:http2';
import { describe, it } from 'node:test';
import { colorClient } from '../helpers/grpc-client.js';
import { startFaces } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';
import { callHeaders, FRAME, heldCall, inFlight, openSession, rawConnection } from './h2-peer.js';
import { MiB, rssBytes } from './memory.js';

const SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;

/** One setting's value from a SETTINGS payload (6-byte entries: id, value), or undefined. */
function settingOf(payload: Buffer | undefined, id: number): number | undefined {
  for (let at = 0; payload !== undefined && at + 6 <= payload.length; at += 6) {
    if (payload.readUInt16BE(at) === id) return payload.readUInt32BE(at + 2);
  }
  return undefined;
}

/** The documented bound (docs/security-and-limits.md). */
const MAX_STREAMS = 100;
const CONNECTIONS = 10;
const HELD = 5000;

describe('streams per gRPC connection', () => {
  it(`advertises SETTINGS_MAX_CONCURRENT_STREAMS ${MAX_STREAMS}; ${CONNECTIONS}×${HELD} held calls stay within it`, {
    timeout: 30_000,
  }, async (t) => {
    const color = await startFaces(['color']);
    t.after(() => color.stop('SIGKILL'));
    const baseline = await rssBytes(color.child.pid);
    const sessions = await Promise.all(Array.from({ length: CONNECTIONS }, () => openSession(color.port)));
    t.after(() => {
      for (const session of sessions) session.destroy();
    });
    // Read from the server's own SETTINGS frame: node's client assumes 100 when none is sent.
    const raw = await rawConnection(color.port);
    t.after(() => raw.socket.destroy());
    const settings = await waitUntil(
      "the server's SETTINGS",
      async () => raw.frames.find((f) => f.type === FRAME.SETTINGS && (f.flags & 1) === 0),
      (found) => found !== undefined,
      5000,
    );
    assert.equal(settingOf(settings?.payload, SETTINGS_MAX_CONCURRENT_STREAMS), MAX_STREAMS);
    for (const session of sessions) for (let i = 0; i < HELD; i++) heldCall(session);
    const held = await waitUntil(
      'the held calls to reach color',
      () => inFlight(color.url),
      (count) => count >= CONNECTIONS * MAX_STREAMS,
    );
    assert.ok(held <= CONNECTIONS * MAX_STREAMS + 1, `${held - 1} calls in flight on ${CONNECTIONS} connections`);
    const grown = (await rssBytes(color.child.pid)) - baseline;
    assert.ok(grown < 64 * MiB, `color's RSS grew by ${(grown / MiB).toFixed(0)} MiB`);
    const client = colorClient(color.port);
    t.after(() => client.close());
    assert.equal((await client.center()).code, 0, 'a new connection is still served');
  });

  it('a client that ignores the setting: each stream over it is refused with RST_STREAM REFUSED_STREAM', {
    timeout: 30_000,
  }, async (t) => {
    const color = await startFaces(['color']);
    t.after(() => color.stop('SIGKILL'));
    const raw = await rawConnection(color.port);
    t.after(() => raw.socket.destroy());
    const OVER = 20;
    for (let i = 0; i < MAX_STREAMS + OVER; i++) raw.write(callHeaders(1 + 2 * i));
    await waitUntil(
      'the refusals',
      async () => raw.resets(),
      (codes) => codes.length >= OVER,
      5000,
    ).catch(() => undefined);
    const resets = raw.resets();
    assert.equal(resets.length, OVER, `RST_STREAM codes: ${JSON.stringify(resets)}`);
    assert.ok(resets.every((code) => code === constants.NGHTTP2_REFUSED_STREAM));
    assert.equal(color.child.exitCode, null);
  });
});
