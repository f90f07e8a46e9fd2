import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';

export interface RecordedRequest {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

export interface Answer {
  readonly status: number;
  readonly body: string;
}

export interface RecordingBackend {
  readonly url: string;
  /** Every request so far, oldest first. */
  readonly requests: RecordedRequest[];
  /** Connections accepted so far. */
  readonly accepted: () => number;
  /** What the next requests are answered; change it between requests. */
  answer: Answer;
  close(): Promise<void>;
}

/** An in-process HTTP backend on loopback that records requests and counts accepted connections. */
export async function startRecordingBackend(answer: Answer): Promise<RecordingBackend> {
  const requests: RecordedRequest[] = [];
  let accepted = 0;
  const backend: RecordingBackend = {
    url: '',
    requests,
    accepted: () => accepted,
    answer,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  const server = createHttpServer((request, response) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(backend.answer.status, { 'content-type': 'application/json' });
    response.end(backend.answer.body);
  });
  server.on('connection', () => {
    accepted++;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return Object.assign(backend, { url: `http://127.0.0.1:${port}` });
}

export interface HungServer {
  readonly url: string;
  readonly accepted: () => number;
  close(): Promise<void>;
}

/** A TCP server that accepts connections, reads and never answers: the hung backend. */
export async function startHungServer(): Promise<HungServer> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.resume();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  let accepted = 0;
  server.on('connection', () => {
    accepted++;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    accepted: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A loopback port nothing listens on: taken from the OS, then released. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  return typeof address === 'object' && address !== null ? address.port : 0;
}
