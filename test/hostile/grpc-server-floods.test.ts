// Rapid reset (CVE-2023-44487), SETTINGS and PING floods, oversized and compressed messages on
// color's HTTP/2 port: color stays up, small, and serves other clients; each flood's connection
// is answered (or ended) without holding a stream.
import assert from 'node:assert/strict';
import { constants } from 'node:http2';
import { describe, it } from 'node:test';
import { colorClient } from '../helpers/grpc-client.js';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';
import {
  answerOf,
  CENTER,
  callHeaders,
  FRAME,
  frame,
  heldCall,
  inFlight,
  openSession,
  rawConnection,
  rstStream,
} from './h2-peer.js';
import { MiB, rssBytes } from './memory.js';

const GROWTH_MIB = 64;

async function stillServing(color: RunningService, baseline: number): Promise<void> {
  assert.equal(color.child.exitCode, null, 'color is running');
  await waitUntil(
    'in-flight back to the scrape alone',
    () => inFlight(color.url),
    (count) => count === 1,
  );
  const client = colorClient(color.port);
  try {
    const answer = await client.center();
    assert.equal(answer.code, 0, answer.details);
  } finally {
    client.close();
  }
  const grown = (await rssBytes(color.child.pid)) - baseline;
  assert.ok(grown < GROWTH_MIB * MiB, `color's RSS grew by ${(grown / MiB).toFixed(0)} MiB`);
}

describe('floods and hostile messages on the gRPC port', () => {
  it('rapid reset: 20 000 streams opened and reset at once', { timeout: 60_000 }, async (t) => {
    const color = await startFaces(['color']);
    t.after(() => color.stop('SIGKILL'));
    const baseline = await rssBytes(color.child.pid);
    const raw = await rawConnection(color.port);
    t.after(() => raw.socket.destroy());
    for (let batch = 0; batch < 20; batch++) {
      const frames: Buffer[] = [];
      for (let i = 0; i < 1000; i++) {
        const id = 1 + 2 * (batch * 1000 + i);
        frames.push(callHeaders(id), rstStream(id, constants.NGHTTP2_CANCEL));
      }
      if (!raw.write(Buffer.concat(frames))) break;
    }
    await stillServing(color, baseline);
  });

  for (const [name, flood] of [
    ['SETTINGS', () => frame(FRAME.SETTINGS, 0, 0)],
    ['PING', () => frame(FRAME.PING, 0, 0, Buffer.alloc(8))],
  ] as const) {
    it(`a ${name} flood from a client that reads no acknowledgement: the connection is ended`, {
      timeout: 60_000,
    }, async (t) => {
      const color = await startFaces(['color']);
      t.after(() => color.stop('SIGKILL'));
      const baseline = await rssBytes(color.child.pid);
      const raw = await rawConnection(color.port);
      t.after(() => raw.socket.destroy());
      raw.socket.pause();
      // Up to 18 MB of frames, written as fast as the connection takes them: its acknowledgements
      // fill the socket buffers and then nghttp2's queue, and the flood is detected.
      const burst = Buffer.concat(Array.from({ length: 10_000 }, flood));
      for (let i = 0; i < 200 && !raw.socket.destroyed; i++) {
        if (!raw.write(burst))
          await Promise.race([new Promise((resolve) => raw.socket.once('drain', resolve)), raw.closed]);
      }
      assert.ok(await raw.closed, 'the connection was ended');
      await stillServing(color, baseline);
    });
  }

  it('a message of 4 GiB announced and 4 MiB sent: RESOURCE_EXHAUSTED, memory bounded', {
    timeout: 60_000,
  }, async (t) => {
    const color = await startFaces(['color']);
    t.after(() => color.stop('SIGKILL'));
    const baseline = await rssBytes(color.child.pid);
    const session = await openSession(color.port);
    t.after(() => session.destroy());
    const statuses = [];
    for (let i = 0; i < 20; i++) {
      const stream = heldCall(session, CENTER);
      const head = Buffer.from([0, 0xff, 0xff, 0xff, 0xff]);
      stream.write(head);
      stream.end(Buffer.alloc(4 * MiB));
      statuses.push((await answerOf(stream)).status);
    }
    assert.deepEqual(new Set(statuses), new Set(['8']));
    await stillServing(color, baseline);
  });

  it('a compressed message without grpc-encoding: INTERNAL; with grpc-encoding gzip: UNIMPLEMENTED', async (t) => {
    const color = await startFaces(['color']);
    t.after(() => color.stop('SIGKILL'));
    const session = await openSession(color.port);
    t.after(() => session.destroy());
    const compressed = heldCall(session, CENTER);
    // An empty ColorRequest, flagged compressed: served OK if the flag were ignored.
    compressed.end(Buffer.from([1, 0, 0, 0, 0]));
    assert.equal((await answerOf(compressed)).status, '13');
    const gzip = heldCall(session, CENTER, { 'grpc-encoding': 'gzip' });
    gzip.end(Buffer.from([1, 0, 0, 0, 0]));
    assert.equal((await answerOf(gzip)).status, '12');
  });
});
