import assert from 'node:assert/strict';
import { once } from 'node:events';
import {
  type ClientHttp2Session,
  connect,
  createServer,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
} from 'node:http2';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeFrame, GrpcCode, MAX_USER_BYTES } from '@faces/kit';
import type { UnaryMethod } from './color-service.js';
import { unaryStreamHandler } from './unary-stream.js';

interface Answer {
  headers: IncomingHttpHeaders;
  trailers: IncomingHttpHeaders;
  body: Buffer;
}

function call(session: ClientHttp2Session, headers: OutgoingHttpHeaders, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': 'POST', 'content-type': 'application/grpc', ...headers });
    const answer: Answer = { headers: {}, trailers: {}, body: Buffer.alloc(0) };
    stream.on('response', (head) => {
      answer.headers = head;
    });
    stream.on('trailers', (trailers) => {
      answer.trailers = trailers;
    });
    stream.on('data', (chunk: Buffer) => {
      answer.body = Buffer.concat([answer.body, chunk]);
    });
    stream.on('error', reject);
    stream.on('close', () => resolve(answer));
    if (headers[':method'] === 'GET') return;
    stream.end(body);
  });
}

/** grpc-status wherever it came: in the trailers, or in trailers-only headers. */
const statusOf = (answer: Answer) => Number(answer.trailers['grpc-status'] ?? answer.headers['grpc-status']);
const messageOf = (answer: Answer) => String(answer.trailers['grpc-message'] ?? answer.headers['grpc-message']);

describe('gRPC unary calls on raw HTTP/2 streams', () => {
  const recorded: [string, number][] = [];
  let aborted = 0;
  const echo: UnaryMethod = (unary) => ({ code: GrpcCode.OK, reply: unary.request });
  const slow: UnaryMethod = async (unary) => {
    const signal = unary.signal();
    signal.addEventListener('abort', () => aborted++);
    await sleep(5000, undefined, { signal }).catch(() => {});
    return { code: GrpcCode.OK, reply: new Uint8Array(0) };
  };
  const failing: UnaryMethod = () => ({
    code: GrpcCode.INTERNAL,
    message: 'no: 100% broken',
    trailers: { 'x-faces-fault': 'error' },
  });
  const server = createServer();
  server.on(
    'stream',
    unaryStreamHandler({
      methods: new Map([
        ['/S/Echo', echo],
        ['/S/Slow', slow],
        ['/S/Fail', failing],
      ]),
      pod: 'pod-1',
      maxMessageBytes: 16,
      requestTimeoutMs: 10_000,
      record: (path, code) => recorded.push([path, code]),
    }),
  );
  let session: ClientHttp2Session;
  before(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    session = connect(`http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`);
  });
  after(() => {
    session.destroy();
    server.close();
  });

  it('answers headers with the pod and the user, the reply frame and grpc-status 0 in the trailers', async () => {
    const answer = await call(
      session,
      { ':path': '/S/Echo', 'x-faces-user': 'alice' },
      encodeFrame(Buffer.from([8, 1])),
    );
    assert.equal(answer.headers[':status'], 200);
    assert.equal(answer.headers['content-type'], 'application/grpc');
    assert.equal(answer.headers['x-faces-pod'], 'pod-1');
    assert.equal(answer.headers['x-faces-user'], 'alice');
    assert.deepEqual(answer.body, encodeFrame(Buffer.from([8, 1])));
    assert.equal(answer.trailers['grpc-status'], '0');
    assert.deepEqual(recorded.at(-1), ['/S/Echo', 0]);
    const anonymous = await call(
      session,
      { ':path': '/S/Echo', 'content-type': 'application/grpc+proto' },
      encodeFrame(Buffer.alloc(0)),
    );
    assert.equal(anonymous.headers['x-faces-user'], 'unknown');
  });

  it('puts a failure in the trailers: status, percent-encoded message and the method’s own trailers', async () => {
    const answer = await call(session, { ':path': '/S/Fail' }, encodeFrame(Buffer.alloc(0)));
    assert.equal(answer.trailers['grpc-status'], String(GrpcCode.INTERNAL));
    assert.equal(answer.trailers['grpc-message'], 'no: 100%25 broken');
    assert.equal(answer.trailers['x-faces-fault'], 'error');
    assert.deepEqual(recorded.at(-1), ['/S/Fail', GrpcCode.INTERNAL]);
  });

  const refusals = [
    { name: 'a GET', headers: { ':method': 'GET', ':path': '/S/Echo' }, http: 405 },
    { name: 'a JSON body', headers: { ':path': '/S/Echo', 'content-type': 'application/json' }, http: 415 },
    { name: 'gRPC with JSON', headers: { ':path': '/S/Echo', 'content-type': 'application/grpc+json' }, http: 415 },
    { name: 'an unknown method', headers: { ':path': '/S/Nope' }, http: 200, code: GrpcCode.UNIMPLEMENTED },
    {
      name: 'gzip compression',
      headers: { ':path': '/S/Echo', 'grpc-encoding': 'gzip' },
      http: 200,
      code: GrpcCode.UNIMPLEMENTED,
    },
  ];
  for (const { name, headers, http, code } of refusals) {
    it(`refuses ${name} (${http}${code === undefined ? '' : `, gRPC ${code}`}) and records no call`, async () => {
      const before = recorded.length;
      const answer = await call(session, headers, encodeFrame(Buffer.alloc(0)));
      assert.equal(answer.headers[':status'], http);
      if (code !== undefined) assert.equal(statusOf(answer), code);
      assert.equal(recorded.length, before);
    });
  }

  const badCalls = [
    { name: 'a truncated frame', body: Buffer.from([0, 0, 0, 0, 9, 1]), code: GrpcCode.INTERNAL, message: /truncated/ },
    {
      name: 'the compressed flag',
      body: Buffer.from([1, 0, 0, 0, 1, 8]),
      code: GrpcCode.INTERNAL,
      message: /compressed/,
    },
    {
      name: 'an oversize message',
      body: encodeFrame(Buffer.alloc(17)),
      code: GrpcCode.RESOURCE_EXHAUSTED,
      message: /larger/,
    },
    {
      name: 'a body far over the limit',
      body: encodeFrame(Buffer.alloc(100_000)),
      code: GrpcCode.RESOURCE_EXHAUSTED,
      message: /larger/,
    },
    { name: 'no message', body: undefined, code: GrpcCode.INTERNAL, message: /no message/ },
  ];
  for (const { name, body, code, message } of badCalls) {
    it(`answers ${name} with status ${code} and records it`, async () => {
      const answer = await call(session, { ':path': '/S/Echo' }, body);
      assert.equal(statusOf(answer), code);
      assert.match(decodeURIComponent(messageOf(answer)), message);
      assert.deepEqual(recorded.at(-1), ['/S/Echo', code]);
    });
  }

  it('a user over MAX_USER_BYTES: INVALID_ARGUMENT; a malformed grpc-timeout: INVALID_ARGUMENT', async () => {
    const long = await call(
      session,
      { ':path': '/S/Echo', 'x-faces-user': 'u'.repeat(MAX_USER_BYTES + 1) },
      encodeFrame(Buffer.alloc(0)),
    );
    assert.equal(statusOf(long), GrpcCode.INVALID_ARGUMENT);
    const timeout = await call(session, { ':path': '/S/Echo', 'grpc-timeout': '10s' }, encodeFrame(Buffer.alloc(0)));
    assert.equal(statusOf(timeout), GrpcCode.INVALID_ARGUMENT);
  });

  it('grpc-timeout: DEADLINE_EXCEEDED when it passes, and the method’s signal aborts', async () => {
    const before = aborted;
    const started = performance.now();
    const answer = await call(session, { ':path': '/S/Slow', 'grpc-timeout': '100m' }, encodeFrame(Buffer.alloc(0)));
    assert.equal(statusOf(answer), GrpcCode.DEADLINE_EXCEEDED);
    assert.ok(performance.now() - started < 2000);
    assert.equal(aborted, before + 1);
    assert.deepEqual(recorded.at(-1), ['/S/Slow', GrpcCode.DEADLINE_EXCEEDED]);
  });

  it('a caller that resets the stream: the signal aborts and the call is recorded CANCELLED', async () => {
    const before = aborted;
    const stream = session.request({ ':method': 'POST', ':path': '/S/Slow', 'content-type': 'application/grpc' });
    stream.on('error', () => {});
    stream.end(encodeFrame(Buffer.alloc(0)));
    await sleep(50);
    stream.close(8);
    await once(stream, 'close');
    await sleep(50);
    assert.equal(aborted, before + 1);
    assert.deepEqual(recorded.at(-1), ['/S/Slow', GrpcCode.CANCELLED]);
  });
});
