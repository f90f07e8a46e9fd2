// HTTP/2 stream ids run out (2^31 - 1 on a connection): face's gRPC client renews a connection
// before that, without a failed call. Here the limit is made small through the environment.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { askFaces, brokenOf, type GrpcFaceStack, startGrpcFaceStack } from './grpc-client-proxy.js';

const STREAMS_PER_CONNECTION = 20;
const FACES = 300;

describe("face's gRPC client renews connections before their stream ids run out", () => {
  let stack: GrpcFaceStack;
  before(async () => {
    stack = await startGrpcFaceStack([{}], { GRPC_MAX_STREAMS: String(STREAMS_PER_CONNECTION) });
  });
  after(async () => stack?.stop());

  it(`opens a new connection every ${STREAMS_PER_CONNECTION} calls, and every face is whole`, async () => {
    const answers = await askFaces(stack.face.url, FACES, 8);
    assert.deepEqual(brokenOf(answers), []);
    const connections = stack.proxy.accepted.get(stack.colors[0]?.port ?? 0) ?? 0;
    assert.ok(connections >= FACES / STREAMS_PER_CONNECTION, `${connections} connections for ${FACES} calls`);
  });
});
