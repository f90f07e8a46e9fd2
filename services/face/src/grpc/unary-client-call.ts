import { type ClientHttp2Stream, constants, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2';
import {
  decodeGrpcMessage,
  decodeUnaryFrame,
  encodeFrame,
  FRAME_HEADER_BYTES,
  GrpcCode,
  grpcCodeOfHttpStatus,
} from '@faces/kit';

/**
 * How a call ended: OK with the reply message, or a status and its message. `refused`: color
 * never processed it (never sent, RST_STREAM REFUSED_STREAM before any answer, or above the
 * last-stream-id of a GOAWAY, which nghttp2 reports as REFUSED_STREAM), so it may be sent again.
 */
export type UnaryResult =
  | { readonly code: typeof GrpcCode.OK; readonly reply: Uint8Array }
  | { readonly code: number; readonly message: string; readonly refused?: true };

/** Where a call's stream is opened: an HTTP/2 session, or a connection of the pool. */
export interface StreamOpener {
  request(headers: OutgoingHttpHeaders): ClientHttp2Stream;
}

export interface UnaryRequest {
  readonly path: string;
  /** Metadata as a flat name, value, … list (lower-case names). */
  readonly metadata: readonly string[];
  readonly message: Uint8Array;
  /** Sent as grpc-timeout; the caller's own timer ends the call (cancel()). */
  readonly timeoutMs: number;
  /** The most a reply message may be; a larger one is INTERNAL and the stream is cancelled. */
  readonly maxReplyBytes: number;
}

/** The status an RST_STREAM without grpc-status stands for (the gRPC spec's mapping). */
function codeOfReset(rstCode: number): number {
  if (rstCode === constants.NGHTTP2_REFUSED_STREAM) return GrpcCode.UNAVAILABLE;
  if (rstCode === constants.NGHTTP2_CANCEL) return GrpcCode.CANCELLED;
  if (rstCode === constants.NGHTTP2_ENHANCE_YOUR_CALM) return GrpcCode.RESOURCE_EXHAUSTED;
  return GrpcCode.INTERNAL;
}

/**
 * A reply frame this side cannot use is INTERNAL (whatever decodeUnaryFrame would answer a
 * caller): the peer broke the protocol, it did not run out of anything (RESOURCE_EXHAUSTED would
 * read as rate limiting).
 */
function badReply(problem: string): UnaryResult {
  return { code: GrpcCode.INTERNAL, message: `bad reply: ${problem}` };
}

/**
 * One unary gRPC call on an HTTP/2 session: one request stream with the framed message, then
 * the response headers (a non-200 status maps as the gRPC spec has it; headers with grpc-status
 * are a trailers-only answer), the reply frame (bounded) and the trailers. `done` is called once;
 * never after cancel().
 */
export class UnaryClientCall {
  private stream: ClientHttp2Stream | undefined;
  private finished = false;
  private body: Buffer | undefined;
  private httpStatus = 0;
  private status: number | undefined;
  private statusMessage = '';

  constructor(
    session: StreamOpener,
    private readonly request: UnaryRequest,
    private readonly done: (result: UnaryResult) => void,
  ) {
    const headers: OutgoingHttpHeaders = {
      ':method': 'POST',
      ':path': request.path,
      'content-type': 'application/grpc+proto',
      te: 'trailers',
      'grpc-timeout': `${Math.max(1, Math.ceil(request.timeoutMs))}m`,
    };
    const { metadata } = request;
    for (let i = 0; i + 1 < metadata.length; i += 2) headers[metadata[i] ?? ''] = metadata[i + 1];
    let stream: ClientHttp2Stream;
    try {
      stream = session.request(headers);
    } catch (error) {
      // A session closing under us (GOAWAY, destroyed, out of stream ids): the call was never sent.
      const message = (error as Error).message;
      queueMicrotask(() => this.finish({ code: GrpcCode.UNAVAILABLE, message, refused: true }));
      return;
    }
    this.stream = stream;
    stream.on('response', (head: IncomingHttpHeaders) => this.headers(head));
    stream.on('data', (chunk: Buffer) => this.received(chunk));
    stream.on('trailers', (trailers: IncomingHttpHeaders) => this.statusFrom(trailers));
    stream.on('error', (error: NodeJS.ErrnoException) => this.failed(error));
    stream.on('close', () => this.closed());
    stream.end(encodeFrame(request.message));
  }

  /** Ends the call unanswered (its deadline passed): the stream is reset with CANCEL, nothing is reported. */
  cancel(): void {
    this.finished = true;
    const stream = this.stream;
    if (stream !== undefined && !stream.closed) stream.close(constants.NGHTTP2_CANCEL);
  }

  private headers(head: IncomingHttpHeaders): void {
    this.httpStatus = Number(head[':status']);
    if (this.httpStatus !== 200) return;
    const type = head['content-type'] ?? '';
    if (!type.startsWith('application/grpc')) {
      this.abandon({ code: GrpcCode.UNKNOWN, message: `the answer's content-type is "${type}", not gRPC` });
      return;
    }
    if (head['grpc-status'] !== undefined) this.statusFrom(head);
  }

  private statusFrom(fields: IncomingHttpHeaders): void {
    const raw = fields['grpc-status'];
    const code = Number(raw);
    this.status = raw !== undefined && Number.isInteger(code) && code >= 0 ? code : GrpcCode.UNKNOWN;
    const message = fields['grpc-message'];
    this.statusMessage = typeof message === 'string' ? decodeGrpcMessage(message) : '';
  }

  private received(chunk: Buffer): void {
    if (this.finished) return;
    this.body = this.body === undefined ? chunk : Buffer.concat([this.body, chunk]);
    if (this.body.length > FRAME_HEADER_BYTES + this.request.maxReplyBytes) {
      const reply = decodeUnaryFrame(this.body, this.request.maxReplyBytes);
      this.abandon(reply.ok ? { code: GrpcCode.INTERNAL, message: 'more than one reply' } : badReply(reply.message));
    }
  }

  private failed(error: NodeJS.ErrnoException): void {
    if (error.code === 'ERR_HTTP2_STREAM_ERROR') return; // a reset: closed() tells it by its code
    const neverSent = error.code === 'ERR_HTTP2_GOAWAY_SESSION' || error.code === 'ERR_HTTP2_OUT_OF_STREAMS';
    this.finish({ code: GrpcCode.UNAVAILABLE, message: error.message, ...(neverSent ? { refused: true } : {}) });
  }

  private closed(): void {
    if (this.finished) return;
    if (this.httpStatus !== 0 && this.httpStatus !== 200) {
      const code = grpcCodeOfHttpStatus(this.httpStatus);
      this.finish({ code, message: `the answer is HTTP ${this.httpStatus}` });
    } else if (this.status === GrpcCode.OK) {
      const reply = decodeUnaryFrame(this.body ?? Buffer.alloc(0), this.request.maxReplyBytes);
      this.finish(reply.ok ? { code: GrpcCode.OK, reply: reply.message } : badReply(reply.message));
    } else if (this.status !== undefined) {
      this.finish({ code: this.status, message: this.statusMessage });
    } else {
      const rstCode = this.stream?.rstCode ?? 0;
      const refused = rstCode === constants.NGHTTP2_REFUSED_STREAM && this.httpStatus === 0;
      this.finish(
        rstCode !== constants.NGHTTP2_NO_ERROR
          ? {
              code: codeOfReset(rstCode),
              message: `the stream was reset (HTTP/2 error ${rstCode})`,
              ...(refused ? { refused: true as const } : {}),
            }
          : { code: GrpcCode.INTERNAL, message: 'the answer ended without grpc-status' },
      );
    }
  }

  /** Stops reading an answer that cannot be used, and reports why. */
  private abandon(result: UnaryResult): void {
    this.finish(result);
    this.stream?.close(constants.NGHTTP2_CANCEL);
  }

  private finish(result: UnaryResult): void {
    if (this.finished) return;
    this.finished = true;
    this.done(result);
  }
}
