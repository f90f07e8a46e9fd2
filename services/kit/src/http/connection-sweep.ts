import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** Node's own field: the response a socket is serving now, or null between requests. */
type HttpSocket = Socket & { _httpMessage?: ServerResponse | null };

/** A request is in progress once it has all arrived and its answer has not all gone out. */
function hasRequestInProgress(socket: HttpSocket): boolean {
  const response = socket._httpMessage;
  return response != null && !response.writableFinished && response.req.complete;
}

/**
 * At close, closes every connection without a request in progress: idle ones, ones that sent
 * nothing, and ones whose request has not all arrived (its handler has not started). Node's
 * server.close() closes only connections idle after a completed request (closeIdleConnections),
 * and stops checking request timeouts, so the others held app.close() until the shutdown timeout.
 *
 * There is no public way to ask a socket whether it is serving a response: this reads
 * `_httpMessage`, as Node's closeIdleConnections itself does (lib/_http_server.js). Connections are
 * tracked once each, never per request. A connection that arrives after the sweep, before the
 * server stops listening, is closed at once: it is as if it had been refused.
 */
export function installConnectionSweep(app: FastifyInstance): void {
  const sockets = new Set<HttpSocket>();
  let closing = false;
  function untrack(this: HttpSocket) {
    sockets.delete(this);
  }
  app.server.on('connection', (socket: HttpSocket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', untrack);
  });
  app.addHook('preClose', (done) => {
    closing = true;
    for (const socket of sockets) {
      if (!hasRequestInProgress(socket)) {
        socket.destroy();
        continue;
      }
      // Once answered, the connection closes rather than waits out the keep-alive timeout.
      const response = socket._httpMessage;
      if (response != null && !response.headersSent) response.setHeader('connection', 'close');
    }
    done();
  });
}
