import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyInstance } from 'fastify';

/** Node keeps the response in flight on its socket here; Node's own clientError default reads it the same way. */
type HttpSocket = Socket & { _httpMessage?: ServerResponse | null };

/** The statuses and messages of Fastify's default handler, so clients see the same answers. */
const ANSWERS: Readonly<Record<string, readonly [number, string]>> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Client Timeout'],
  HPE_HEADER_OVERFLOW: [431, 'Exceeded maximum allowed HTTP header size'],
};

/**
 * The reason phrases of those statuses, as node:http's STATUS_CODES has them. Not imported from
 * there: an ES-module import of node:http makes Node 26 build the whole module namespace, whose
 * lazy WebSocket getters load Node's bundled undici (6 MiB more anonymous memory per process).
 */
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** The raw answer to a connection-level error, as Fastify's default writes it. */
export function clientErrorAnswer(code: string): string {
  const [status, message] = ANSWERS[code] ?? [400, 'Client Error'];
  const reason = REASONS[status] ?? 'Bad Request';
  const body = `{"error":"${reason}","message":"${message}","statusCode":${status}}`;
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${body.length}\r\nContent-Type: application/json\r\n\r\n${body}`;
}

/**
 * Fastify's default client-error handler with Node's own guard added: when the answer to the
 * request has already begun on this socket, the error is not answered, only the connection closed.
 * smiley and color answer on the headers; a broken chunked body after them would otherwise get a
 * 400 too, two answers to one request (test/hostile/smuggling.test.ts).
 */
export function clientErrorHandler(this: FastifyInstance, error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  this.log.trace({ err: error }, 'client error');
  const answering = (socket as HttpSocket)._httpMessage?.headersSent === true;
  if (socket.writable && !answering) socket.write(clientErrorAnswer(error.code));
  socket.destroy(error);
}
