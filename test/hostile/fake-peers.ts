import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';

function portOf(server: { address(): unknown }): number {
  const address = server.address();
  return typeof address === 'object' && address !== null && 'port' in address ? Number(address.port) : 0;
}

export interface FakeAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface FakeFace {
  /** host:port, as FACE_SERVICE takes it. */
  readonly address: string;
  /** The X-Faces-User of every request so far. */
  readonly users: string[];
  close(): Promise<void>;
}

/** An in-process HTTP face on loopback whose answer is chosen per request URL. */
export async function startFakeFace(answer: (url: string) => FakeAnswer): Promise<FakeFace> {
  const users: string[] = [];
  const server = createHttpServer((request, response) => {
    users.push(String(request.headers['x-faces-user'] ?? ''));
    const { status, headers, body } = answer(request.url ?? '/');
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    address: `127.0.0.1:${portOf(server)}`,
    users,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** What a hostile backend does once it has read a request line. */
export type PeerBehaviour = (socket: Socket) => void;

export interface HostilePeer {
  /** host:port, as SMILEY_SERVICE and COLOR_SERVICE take it. */
  readonly address: string;
  /** Connections open now. */
  readonly open: () => number;
  /** Request lines read so far. */
  readonly requestLines: string[];
  close(): Promise<void>;
}

/**
 * A raw TCP backend on loopback. It reads the request line and hands the socket to the behaviour
 * named by the query's `peer` parameter (face passes its query on to both backends), so one face
 * can meet every behaviour. `close` right after accepting happens before any request is read.
 */
export async function startHostilePeer(behaviours: Readonly<Record<string, PeerBehaviour>>): Promise<HostilePeer> {
  const sockets = new Set<Socket>();
  const requestLines: string[] = [];
  const server: Server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      socket.resume();
      const line = head.slice(0, end);
      requestLines.push(line);
      const name = /[?&]peer=([a-z-]+)/.exec(line)?.[1] ?? '';
      const behaviour = behaviours[name];
      if (behaviour === undefined) socket.destroy();
      else behaviour(socket);
    };
    socket.on('data', onData);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    address: `127.0.0.1:${portOf(server)}`,
    open: () => sockets.size,
    requestLines,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Writes `chunk` again and again while the socket takes it, until it closes: an endless answer. */
export function flood(socket: Socket, chunk: Buffer): void {
  const pump = () => {
    while (!socket.destroyed && socket.write(chunk)) {
      // Full speed until the kernel buffer is full; then wait for 'drain'.
    }
  };
  socket.on('drain', pump);
  pump();
}

/** A TCP backend that closes every connection as soon as it accepts it, before any request. */
export async function startClosingPeer(): Promise<{ readonly address: string; close(): Promise<void> }> {
  const server = createTcpServer((socket) => {
    socket.on('error', () => {});
    socket.destroy();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    address: `127.0.0.1:${portOf(server)}`,
    close: async () => {
      server.close();
      await once(server, 'close');
    },
  };
}
