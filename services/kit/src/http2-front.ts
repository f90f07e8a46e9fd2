import {
  createServer,
  type Http2Server,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type ServerHttp2Session,
} from 'node:http2';
import type { FastifyInstance } from 'fastify';
import { installProtocolSplit } from './protocol-split.js';

export type Http2Handler = (request: Http2ServerRequest, response: Http2ServerResponse) => void;

/**
 * Serves HTTP/2 (plaintext h2c, as gRPC clients and meshes send it) on the app's own port, beside
 * its HTTP/1.1 (protocol-split.ts), with the kit's bounds and shutdown:
 * - every stream counts in http_requests_in_flight until its response closes;
 * - a session idle for KEEP_ALIVE_TIMEOUT_MS is closed (GOAWAY), as an idle HTTP connection is;
 * - at app.close() (the end of the drain) every session gets GOAWAY: its streams in progress
 *   finish, then it closes, and app.close() waits for that as for HTTP requests in flight. A
 *   session that opens after that gets GOAWAY at once.
 * Call it once the app's routes are set (it must be the last 'connection' listener).
 */
export function serveHttp2(app: FastifyInstance, handler: Http2Handler): Http2Server {
  const { config, metrics } = app.faces;
  const { inFlight } = metrics;
  const finished = () => {
    inFlight.count--;
  };
  const server = createServer((request, response) => {
    inFlight.count++;
    response.once('close', finished);
    handler(request, response);
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
