import {
  constants,
  createServer,
  type Http2Server,
  type IncomingHttpHeaders,
  type ServerHttp2Session,
  type ServerHttp2Stream,
} from 'node:http2';
import type { FastifyInstance } from 'fastify';
import { installProtocolSplit } from './protocol-split.js';

/** Takes each stream as it opens (node:http2's 'stream' event: no compatibility API in between). */
export type Http2StreamHandler = (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => void;

/**
 * SETTINGS_MAX_CONCURRENT_STREAMS, advertised on every connection: a client that keeps to it
 * queues its other calls; nghttp2 refuses each stream over it with RST_STREAM REFUSED_STREAM.
 * RFC 9113 advises no less than 100; a call of ColorService takes well under a millisecond.
 */
export const MAX_CONCURRENT_STREAMS = 100;

/**
 * Serves HTTP/2 (plaintext h2c, as gRPC clients and meshes send it) on the app's own port, beside
 * its HTTP/1.1 (protocol-split.ts), with the kit's bounds and shutdown:
 * - at most MAX_CONCURRENT_STREAMS streams per connection;
 * - every stream counts in http_requests_in_flight until it closes, and a connection that ends
 *   (FIN, as a killed pod's) takes its streams with it: the HTTP server's sockets allow half-open
 *   connections, which would keep an HTTP/2 session and its streams for ever;
 * - a session idle for KEEP_ALIVE_TIMEOUT_MS is closed (GOAWAY), as an idle HTTP connection is;
 * - at app.close() (the end of the drain) every session gets GOAWAY and the streams still waiting
 *   for their request are reset (CANCEL: they were never served); calls in progress finish, each
 *   bounded by the handler, and a session still open REQUEST_TIMEOUT_MS later is destroyed (CANCEL,
 *   as grpc-js's drain ends its grace). app.close() waits for that as for HTTP requests in flight.
 *   A session that opens after that gets GOAWAY at once.
 * Call it once the app's routes are set (it must be the last 'connection' listener).
 */
export function serveHttp2(app: FastifyInstance, handler: Http2StreamHandler): Http2Server {
  const { config, metrics } = app.faces;
  const { inFlight } = metrics;
  const server = createServer({ settings: { maxConcurrentStreams: MAX_CONCURRENT_STREAMS } });
  /** Streams whose request has not ended yet. */
  const receiving = new Set<ServerHttp2Stream>();
  server.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    inFlight.count++;
    receiving.add(stream);
    const received = () => receiving.delete(stream);
    stream.once('end', received);
    stream.once('close', () => {
      received();
      inFlight.count--;
    });
    handler(stream, headers);
  });
  const sessions = new Set<ServerHttp2Session>();
  let closing = false;
  server.on('session', (session: ServerHttp2Session) => {
    if (closing) {
      session.close();
      return;
    }
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
    session.setTimeout(config.keepAliveTimeoutMs, () => session.close());
  });
  server.on('sessionError', (error: Error) => app.log.debug({ err: error }, 'HTTP/2 session error'));
  app.addHook('preClose', (done) => {
    closing = true;
    for (const session of sessions) session.close();
    for (const stream of receiving) stream.close(constants.NGHTTP2_CANCEL);
    if (sessions.size > 0) {
      setTimeout(() => {
        for (const session of sessions) session.destroy(undefined, constants.NGHTTP2_CANCEL);
      }, config.requestTimeoutMs).unref();
    }
    done();
  });
  installProtocolSplit(app.server, {
    onHttp2: (socket) => {
      socket.allowHalfOpen = false;
      server.emit('connection', socket);
    },
    timeoutMs: config.requestTimeoutMs,
  });
  return server;
}
