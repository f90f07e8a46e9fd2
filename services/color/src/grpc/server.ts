import type { CellValues } from '@faces/kit';
import { grpcCallRecorder, serveHttp2 } from '@faces/kit';
import type { FastifyInstance } from 'fastify';
import { colorMethods } from './color-service.js';
import { unaryStreamHandler } from './unary-stream.js';

/** The most a gRPC request message may be: ColorRequest and ColorUpdate are a few bytes. */
const MAX_MESSAGE_BYTES = 4096;

/**
 * gRPC on color's own port: HTTP/2 connections (by their preface) go to a unary gRPC handler on
 * node:http2's streams (unary-stream.ts), which speaks the gRPC protocol only (no Connect or
 * gRPC-Web: nothing here asks for them). Every call is recorded with its full method name as
 * `path` and its gRPC status (grpc-metrics.ts).
 */
export function serveColorGrpc(app: FastifyInstance, colors: CellValues, allowUpdates: boolean): void {
  const handler = unaryStreamHandler({
    methods: colorMethods(app.faces, colors, allowUpdates),
    pod: app.faces.config.pod,
    maxMessageBytes: MAX_MESSAGE_BYTES,
    requestTimeoutMs: app.faces.config.requestTimeoutMs,
    record: grpcCallRecorder(app.faces.metrics),
  });
  serveHttp2(app, handler);
}
