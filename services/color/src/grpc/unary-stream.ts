import { constants, type IncomingHttpHeaders, type OutgoingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import { performance } from 'node:perf_hooks';
import {
  decodeUnaryFrame,
  encodeFrame,
  encodeGrpcMessage,
  FRAME_HEADER_BYTES,
  GrpcCode,
  MAX_USER_BYTES,
  POD_HEADER,
  parseGrpcTimeout,
  UNKNOWN_USER,
  USER_HEADER,
} from '@faces/kit';
import type { CallAnswer, UnaryMethod } from './color-service.js';

export interface UnaryServerOptions {
  readonly methods: ReadonlyMap<string, UnaryMethod>;
  readonly pod: string;
  /** The most a request message may be. */
  readonly maxMessageBytes: number;
  /**
   * REQUEST_TIMEOUT_MS: the request (headers to END_STREAM) must arrive within it, whatever
   * grpc-timeout says; and an answer the client does not take (no flow-control window) is reset
   * this long after it was written.
   */
  readonly requestTimeoutMs: number;
  /** Records one finished call (grpc-metrics.ts): full method, gRPC status, seconds. */
  readonly record: (path: string, code: number, seconds: number) => void;
}

const OK_TRAILERS: OutgoingHttpHeaders = { 'grpc-status': '0' };
const GRPC_CONTENT_TYPE = /^application\/grpc(\+proto)?(;|$)/;
const NO_BODY = Buffer.alloc(0);
const ignore = () => {};

function trailersOnly(code: number, message: string, extra: OutgoingHttpHeaders = {}): OutgoingHttpHeaders {
  return {
    ':status': 200,
    'content-type': 'application/grpc',
    'grpc-status': String(code),
    'grpc-message': encodeGrpcMessage(message),
    ...extra,
  };
}

/**
 * The answer to a stream that is not a call of ours, as the gRPC spec has a server give it: not
 * POST → 405; not a gRPC content type (protobuf) → 415; no such method, or a compression we do
 * not speak → UNIMPLEMENTED. Undefined for a call to serve.
 */
function refusalOf(
  headers: IncomingHttpHeaders,
  methods: ReadonlyMap<string, UnaryMethod>,
): OutgoingHttpHeaders | undefined {
  if (headers[':method'] !== 'POST') return { ':status': 405, allow: 'POST' };
  if (!GRPC_CONTENT_TYPE.test(headers['content-type'] ?? ''))
    return { ':status': 415, 'accept-post': 'application/grpc' };
  const path = headers[':path'] ?? '';
  if (!methods.has(path)) return trailersOnly(GrpcCode.UNIMPLEMENTED, `method ${path} is not implemented`);
  const encoding = headers['grpc-encoding'];
  if (encoding !== undefined && encoding !== 'identity') {
    return trailersOnly(GrpcCode.UNIMPLEMENTED, `grpc-encoding ${encoding} is not supported`, {
      'grpc-accept-encoding': 'identity',
    });
  }
  return undefined;
}

/**
 * An answered stream still open `ms` later is reset: with NO_ERROR when the answer went out and
 * the client is still sending (RFC 9113 §8.1: stop sending), with CANCEL when the client did not
 * take the answer (no flow-control window). Not at once: a reset right behind the answer can
 * reach the client before it has read the answer.
 */
function resetIfHeld(stream: ServerHttp2Stream, ms: number): void {
  const timer = setTimeout(() => {
    if (!stream.closed) stream.close(stream.writableFinished ? constants.NGHTTP2_NO_ERROR : constants.NGHTTP2_CANCEL);
  }, ms);
  stream.once('close', () => clearTimeout(timer));
}

/**
 * gRPC unary calls on node:http2's raw streams (no compatibility API, no router): refusals as
 * refusalOf() has them (not recorded: no call was made), else one call (UnaryStreamCall).
 */
export function unaryStreamHandler(options: UnaryServerOptions) {
  return (stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void => {
    const refusal = refusalOf(headers, options.methods);
    if (refusal === undefined) {
      new UnaryStreamCall(options, stream, headers);
      return;
    }
    stream.on('error', ignore);
    stream.respond(refusal, { endStream: true });
    stream.resume();
    resetIfHeld(stream, options.requestTimeoutMs);
  };
}

/**
 * One call: reads its one message (at most maxMessageBytes), runs the method and answers headers
 * (with x-faces-pod and x-faces-user), the reply's frame and trailers (grpc-status and a
 * percent-encoded grpc-message). grpc-timeout is honoured: DEADLINE_EXCEEDED when it passes, and
 * the method's signal aborts, as it does when the caller resets the stream (recorded CANCELLED).
 * Bounds whatever the client does (requestTimeoutMs): a request not whole in time is answered
 * DEADLINE_EXCEEDED; an answer still not taken that long after it was written is reset (CANCEL).
 */
class UnaryStreamCall {
  private readonly started = performance.now();
  private readonly path: string;
  private readonly user: string | undefined;
  private done = false;
  private body: Buffer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private receipt: NodeJS.Timeout | undefined;
  private requestEnded = false;
  private controller: AbortController | undefined;

  constructor(
    private readonly options: UnaryServerOptions,
    private readonly stream: ServerHttp2Stream,
    headers: IncomingHttpHeaders,
  ) {
    this.path = headers[':path'] ?? '';
    const raw = headers[USER_HEADER];
    const user = typeof raw === 'string' && raw !== '' ? raw : UNKNOWN_USER;
    this.user = Buffer.byteLength(user, 'latin1') <= MAX_USER_BYTES ? user : undefined;
    stream.on('error', ignore);
    stream.once('close', () => this.gone());
    stream.once('end', () => {
      this.requestEnded = true;
    });
    if (this.user === undefined) {
      this.finish({
        code: GrpcCode.INVALID_ARGUMENT,
        message: `${USER_HEADER} is longer than ${MAX_USER_BYTES} bytes`,
      });
      return;
    }
    const timeout = headers['grpc-timeout'];
    const timeoutMs = parseGrpcTimeout(typeof timeout === 'string' ? timeout : undefined);
    if (Number.isNaN(timeoutMs)) {
      this.finish({ code: GrpcCode.INVALID_ARGUMENT, message: `malformed grpc-timeout "${timeout}"` });
      return;
    }
    if (timeoutMs !== undefined) this.timer = setTimeout(() => this.expire(), timeoutMs);
    this.receipt = setTimeout(() => this.notReceived(), options.requestTimeoutMs);
    stream.on('data', (chunk: Buffer) => this.received(chunk));
    stream.once('end', () => this.run());
  }

  private received(chunk: Buffer): void {
    if (this.done) return;
    this.body = this.body === undefined ? chunk : Buffer.concat([this.body, chunk]);
    if (this.body.length > FRAME_HEADER_BYTES + this.options.maxMessageBytes) this.run();
  }

  private run(): void {
    clearTimeout(this.receipt);
    if (this.done) return;
    const frame = decodeUnaryFrame(this.body ?? NO_BODY, this.options.maxMessageBytes);
    if (!frame.ok) {
      this.finish(frame);
      return;
    }
    const method = this.options.methods.get(this.path) as UnaryMethod;
    const answer = method({
      method: this.path,
      user: this.user ?? UNKNOWN_USER,
      request: frame.message,
      signal: () => this.signal(),
    });
    if (answer instanceof Promise) {
      answer.then(
        (settled) => this.finish(settled),
        (error: unknown) => this.finish({ code: GrpcCode.INTERNAL, message: (error as Error).message }),
      );
    } else this.finish(answer);
  }

  private signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  private expire(): void {
    this.finish({ code: GrpcCode.DEADLINE_EXCEEDED, message: 'the deadline passed' });
    this.controller?.abort();
  }

  private notReceived(): void {
    const { requestTimeoutMs } = this.options;
    this.finish({
      code: GrpcCode.DEADLINE_EXCEEDED,
      message: `the request did not arrive within REQUEST_TIMEOUT_MS (${requestTimeoutMs} ms)`,
    });
  }

  private gone(): void {
    this.controller?.abort();
    this.finish({ code: GrpcCode.CANCELLED, message: 'the caller is gone' });
  }

  private finish(answer: CallAnswer): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    clearTimeout(this.receipt);
    const { stream, options } = this;
    // A stream can be destroyed (its session gone, or reset) before its 'close' event fires: it
    // is then a cancelled call, and respond() would throw (grpc-js checks the same two flags).
    if (stream.destroyed || stream.closed) {
      this.controller?.abort();
      options.record(this.path, GrpcCode.CANCELLED, (performance.now() - this.started) / 1000);
      return;
    }
    options.record(this.path, answer.code, (performance.now() - this.started) / 1000);
    if (stream.headersSent) return;
    const head: OutgoingHttpHeaders = { ':status': 200, 'content-type': 'application/grpc', [POD_HEADER]: options.pod };
    if (this.user !== undefined) head[USER_HEADER] = this.user;
    const trailers: OutgoingHttpHeaders =
      'reply' in answer
        ? OK_TRAILERS
        : { 'grpc-status': String(answer.code), 'grpc-message': encodeGrpcMessage(answer.message), ...answer.trailers };
    if (!this.requestEnded && !('reply' in answer)) {
      // The client is still sending (a request too large, or too slow): a trailers-only answer.
      stream.respond({ ...head, ...trailers }, { endStream: true });
    } else {
      stream.respond(head, { waitForTrailers: true });
      stream.once('wantTrailers', () => stream.sendTrailers(trailers));
      stream.end('reply' in answer ? encodeFrame(answer.reply) : undefined);
    }
    resetIfHeld(stream, options.requestTimeoutMs);
  }
}
