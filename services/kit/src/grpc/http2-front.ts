import {
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
 * Serves HTTP/2 (plaintext h2c, as gRPC clients and meshes send it) on the app's own port, beside
 * its HTTP/1.1 (protocol-split.ts), with the kit's bounds and shutdown:
 * - every stream counts in http_requests_in_flight until it closes;
 * - a session idle for KEEP_ALIVE_TIMEOUT_MS is closed (GOAWAY), as an idle HTTP connection is;
 * - at app.close() (the end of the drain) every session gets GOAWAY: its streams in progress
 *   finish, then it closes, and app.close() waits for that as for HTTP requests in flight. A
 *   session that opens after that gets GOAWAY at once.
 * Call it once the app's routes are set (it must be the last 'connection' listener).
 */
export function serveHttp2(app: FastifyInstance, handler: Http2StreamHandler): Http2Server {
  const { config, metrics } = app.faces;
  const { inFlight } = metrics;
  const finished = () => {
    inFlight.count--;
  };
  const server = createServer();
  server.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    inFlight.count++;
    stream.once('close', finished);
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
    done();
  });
  installProtocolSplit(app.server, {
    onHttp2: (socket) => server.emit('connection', socket),
    timeoutMs: config.requestTimeoutMs,
  });
  return server;
}
