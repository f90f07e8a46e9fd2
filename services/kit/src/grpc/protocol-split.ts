import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** What every HTTP/2 connection opens with (RFC 9113 §3.4); gRPC over plaintext (h2c) sends it first. */
export const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** Node's own answer to a request that did not arrive in time (REQUEST_TIMEOUT_MS). */
const REQUEST_TIMEOUT_ANSWER = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';

type ConnectionListener = (this: Server, socket: Socket) => void;

export interface ProtocolSplitOptions {
  /** Takes a connection that opened with the HTTP/2 preface (its bytes are still to be read). */
  readonly onHttp2: (socket: Socket) => void;
  /** A connection must have told which protocol it speaks within this (REQUEST_TIMEOUT_MS). */
  readonly timeoutMs: number;
}

/**
 * Serves HTTP/2 and HTTP/1.1 on one port, by the first bytes of each connection. The HTTP server
 * (Fastify's) keeps listening, closing and counting connections; only its 'connection' listeners
 * (Node's HTTP parser, the kit's connection sweep) are put behind a peek: the first chunk is read
 * once per connection, compared with the preface and put back (unshift) for whichever protocol
 * takes it. A connection whose bytes so far are a prefix of the preface waits for more, bounded
 * by `timeoutMs` as HTTP's request timeout bounds a silent one: then it is answered 408 and closed.
 * Install it after every other 'connection' listener of the HTTP server.
 */
export function installProtocolSplit(server: Server, options: ProtocolSplitOptions): void {
  const httpListeners = server.listeners('connection') as ConnectionListener[];
  server.removeAllListeners('connection');
  const toHttp = (socket: Socket) => {
    for (const listener of httpListeners) listener.call(server, socket);
  };
  server.on('connection', (socket: Socket) => peek(socket, toHttp, options));
}

function peek(socket: Socket, toHttp: (socket: Socket) => void, options: ProtocolSplitOptions): void {
  let seen: Buffer | undefined;
  // The bytes go back to the socket's buffer: HTTP reads them once the socket flows again; HTTP/2
  // reads what a socket has buffered when its session starts (and then reads the socket itself).
  const hand = (to: (socket: Socket) => void, flow: boolean) => {
    clearTimeout(timer);
    socket.removeListener('data', onData);
    socket.removeListener('error', onError);
    socket.pause();
    if (seen !== undefined) socket.unshift(seen);
    to(socket);
    if (flow) socket.resume();
  };
  const onData = (chunk: Buffer) => {
    seen = seen === undefined ? chunk : Buffer.concat([seen, chunk]);
    const length = Math.min(seen.length, HTTP2_PREFACE.length);
    if (seen.compare(HTTP2_PREFACE, 0, length, 0, length) !== 0) hand(toHttp, true);
    else if (seen.length >= HTTP2_PREFACE.length) hand(options.onHttp2, false);
  };
  const onError = () => socket.destroy();
  const timer = setTimeout(() => {
    socket.removeListener('data', onData);
    socket.end(REQUEST_TIMEOUT_ANSWER);
    socket.destroySoon();
  }, options.timeoutMs);
  socket.once('close', () => clearTimeout(timer));
  socket.on('data', onData);
  socket.on('error', onError);
}
