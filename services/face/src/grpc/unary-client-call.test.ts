import assert from 'node:assert/strict';
import { once } from 'node:events';
import { constants, createServer, type OutgoingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import { after, before, describe, it } from 'node:test';
import { encodeFrame, GrpcCode } from '@faces/kit';
import { ConnectionPool } from './connection-pool.js';
import { type StreamOpener, UnaryClientCall, type UnaryResult } from './unary-client-call.js';

type Script = (stream: ServerHttp2Stream) => void;

function portOf(server: { address(): unknown }): number {
  const address = server.address();
  return typeof address === 'object' && address !== null && 'port' in address ? Number(address.port) : 0;
}

/** Answers as the test says, recording each stream and how it ended. */
describe('a unary gRPC call over node:http2', () => {
  let script: Script = () => {};
  const seen: { headers: Record<string, unknown>; closedWith?: number }[] = [];
  const server = createServer();
  const sessions = new Set<import('node:http2').ServerHttp2Session>();
  server.on('session', (session) => sessions.add(session));
  server.on('stream', (stream: ServerHttp2Stream, headers) => {
    const entry: (typeof seen)[number] = { headers };
    seen.push(entry);
    stream.on('error', () => {});
    stream.on('close', () => {
      entry.closedWith = stream.rstCode;
    });
    stream.resume();
    script(stream);
  });
  let channel: ConnectionPool;
  const settings = { connections: 1, keepaliveMs: 1000, keepaliveTimeoutMs: 1000, maxStreamsPerConnection: 1e9 };
  before(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = portOf(server);
    channel = new ConnectionPool({ host: '127.0.0.1', port, origin: `http://127.0.0.1:${port}` }, settings, 1000);
  });
  after(() => {
    channel.close();
    // A stream left open (a broken cancel()) must not keep the test process alive.
    for (const session of sessions) session.destroy();
    server.close();
  });

  const runOn = (opener: StreamOpener, maxReplyBytes = 16): Promise<UnaryResult> =>
    new Promise((resolve) => {
      const request = {
        path: '/S/M',
        metadata: ['x-faces-user', 'bob'],
        message: Buffer.from([8, 1]),
        timeoutMs: 250,
        maxReplyBytes,
      };
      new UnaryClientCall(opener, request, resolve);
    });
  const run = (maxReplyBytes = 16) => runOn(channel.get(), maxReplyBytes);
  const answer =
    (head: OutgoingHttpHeaders, body: Buffer | undefined, trailers?: OutgoingHttpHeaders): Script =>
    (stream) => {
      stream.respond(
        { ':status': 200, 'content-type': 'application/grpc', ...head },
        { waitForTrailers: trailers !== undefined, endStream: false },
      );
      if (trailers !== undefined) stream.once('wantTrailers', () => stream.sendTrailers(trailers));
      stream.end(body);
    };

  it('sends POST, gRPC content type, te, grpc-timeout and the metadata, and reads the reply', async () => {
    script = answer({}, encodeFrame(Buffer.from([10, 1, 65])), { 'grpc-status': '0' });
    const result = await run();
    assert.deepEqual(result, { code: 0, reply: Buffer.from([10, 1, 65]) });
    const headers = seen.at(-1)?.headers ?? {};
    assert.equal(headers[':method'], 'POST');
    assert.equal(headers['content-type'], 'application/grpc+proto');
    assert.equal(headers.te, 'trailers');
    assert.equal(headers['grpc-timeout'], '250m');
    assert.equal(headers['x-faces-user'], 'bob');
  });

  const table: { name: string; script: Script; code: number; message: RegExp }[] = [
    {
      name: 'a status in the trailers, percent-decoded',
      script: answer({}, undefined, { 'grpc-status': '8', 'grpc-message': 'rate limited: 9.1 RPS %3E 8' }),
      code: GrpcCode.RESOURCE_EXHAUSTED,
      message: /^rate limited: 9\.1 RPS > 8$/,
    },
    {
      name: 'a trailers-only answer',
      script: (stream) =>
        stream.respond(
          { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '12', 'grpc-message': 'nope' },
          { endStream: true },
        ),
      code: GrpcCode.UNIMPLEMENTED,
      message: /^nope$/,
    },
    {
      name: 'an HTTP 503',
      script: (stream) => stream.respond({ ':status': 503 }, { endStream: true }),
      code: GrpcCode.UNAVAILABLE,
      message: /HTTP 503/,
    },
    {
      name: 'a 200 that is not gRPC',
      script: (stream) => {
        stream.respond({ ':status': 200, 'content-type': 'text/html' });
        stream.end('<html>');
      },
      code: GrpcCode.UNKNOWN,
      message: /text\/html/,
    },
    {
      name: 'OK without a reply',
      script: answer({}, undefined, { 'grpc-status': '0' }),
      code: GrpcCode.INTERNAL,
      message: /no message/,
    },
    {
      name: 'a truncated reply',
      script: answer({}, encodeFrame(Buffer.alloc(8)).subarray(0, 9), { 'grpc-status': '0' }),
      code: GrpcCode.INTERNAL,
      message: /truncated message/,
    },
    {
      name: 'a compressed reply',
      script: answer({}, Buffer.from([1, 0, 0, 0, 1, 8]), { 'grpc-status': '0' }),
      code: GrpcCode.INTERNAL,
      message: /compressed/,
    },
    {
      name: 'no grpc-status at all',
      script: answer({}, encodeFrame(Buffer.alloc(1))),
      code: GrpcCode.INTERNAL,
      message: /without grpc-status/,
    },
    {
      name: 'a reset stream (REFUSED_STREAM)',
      script: (stream) => stream.close(7),
      code: GrpcCode.UNAVAILABLE,
      message: /reset \(HTTP\/2 error 7\)/,
    },
  ];
  for (const { name, script: each, code, message } of table) {
    it(`maps ${name} to status ${code}`, async () => {
      script = each;
      const result = await run();
      assert.equal(result.code, code, JSON.stringify(result));
      assert.ok('message' in result);
      assert.match(result.message, message);
    });
  }

  it('a reply over the bound: INTERNAL (not rate limiting), and the stream is cancelled, not read to its end', async () => {
    script = (stream) => {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' });
      stream.write(encodeFrame(Buffer.alloc(1_000_000)).subarray(0, 60_000));
    };
    const result = await run();
    assert.equal(result.code, GrpcCode.INTERNAL);
    assert.ok('message' in result);
    assert.match(result.message, /^bad reply: message of 1000000 bytes is larger than the limit of 16$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(seen.at(-1)?.closedWith, 8, 'the server saw RST_STREAM CANCEL');
  });

  it('cancel() resets a call that hangs with CANCEL and reports nothing', async () => {
    script = () => {};
    let reported = false;
    const request = { path: '/S/M', metadata: [], message: Buffer.alloc(0), timeoutMs: 250, maxReplyBytes: 16 };
    const call = new UnaryClientCall(channel.get(), request, () => {
      reported = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    call.cancel();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(seen.at(-1)?.closedWith, 8);
    assert.equal(reported, false);
  });

  it('uses one connection for many calls, and a new one after the server sends GOAWAY', async () => {
    script = answer({}, encodeFrame(Buffer.alloc(0)), { 'grpc-status': '0' });
    const first = channel.get();
    await Promise.all(Array.from({ length: 20 }, () => run()));
    assert.equal(channel.get(), first);
    server.once('stream', (stream) => stream.session?.close());
    await run();
    // The GOAWAY went out before the answer, so the client has it once the call is done.
    assert.equal(first.usable, false);
    assert.notEqual(channel.get(), first);
    assert.equal((await run()).code, 0);
  });

  it('renews a connection after its stream limit: the old one closes once its calls are done', async () => {
    script = answer({}, encodeFrame(Buffer.alloc(0)), { 'grpc-status': '0' });
    const pool = new ConnectionPool(
      { host: '127.0.0.1', port: portOf(server), origin: `http://127.0.0.1:${portOf(server)}` },
      { ...settings, maxStreamsPerConnection: 3 },
      1000,
    );
    try {
      const first = pool.get();
      const calls = Array.from({ length: 3 }, () => runOn(first));
      assert.equal(first.usable, false, 'given up at its third stream');
      assert.notEqual(pool.get(), first);
      assert.deepEqual(
        (await Promise.all(calls)).map((result) => result.code),
        [0, 0, 0],
      );
    } finally {
      pool.close();
    }
  });

  it('marks a call refused (REFUSED_STREAM before any answer) so it may be sent again, and no other', async () => {
    script = (stream) => stream.close(constants.NGHTTP2_REFUSED_STREAM);
    const refused = await run();
    assert.equal(refused.code, GrpcCode.UNAVAILABLE);
    assert.equal('refused' in refused, true);
    script = (stream) => stream.close(constants.NGHTTP2_INTERNAL_ERROR);
    assert.equal('refused' in (await run()), false);
  });
});
