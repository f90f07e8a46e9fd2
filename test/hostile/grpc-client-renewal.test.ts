// HTTP/2 stream ids run out (2^31 - 1 on a connection): face's gRPC client renews a connection
// before that, without a failed call. Here the limit is made small through the environment.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { askFaces, brokenOf, startTcpProxy, type TcpProxy } from './grpc-client-proxy.js';

const STREAMS_PER_CONNECTION = 20;
const FACES = 300;

describe("face's gRPC client renews connections before their stream ids run out", () => {
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
      GRPC_MAX_STREAMS: String(STREAMS_PER_CONNECTION),
    });
  });
  after(async () => {
    await face?.stop();
    await proxy?.close();
    await Promise.all([color?.stop(), smiley?.stop()]);
  });

  it(`opens a new connection every ${STREAMS_PER_CONNECTION} calls, and every face is whole`, async () => {
    const answers = await askFaces(face.url, FACES, 8);
    assert.deepEqual(brokenOf(answers), []);
    const connections = proxy.accepted.get(color.port) ?? 0;
    assert.ok(connections >= FACES / STREAMS_PER_CONNECTION, `${connections} connections for ${FACES} calls`);
  });
});
