import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake face answers on each path the GUI forwards (the GUI keeps the /face prefix). */
export const HOSTILE_PATHS = {
  good: '/face/center/',
  floodChunked: '/face/flood-chunked/',
  floodLength: '/face/flood-length/',
  garbage: '/face/garbage/',
  hang: '/face/hang/',
} as const;

export const GOOD_FACE = '{"smiley":"&#x1F603;","color":"#228833","errors":[]}';
const GARBAGE = 'this is not HTTP at all\r\n\r\n\u0000\u0001\u0002';
const CHUNK = Buffer.alloc(64 * 1024, 0x20);

export interface HostileFace {
  /** host:port, for FACE_SERVICE. */
  readonly address: string;
  /** Body bytes handed to the socket by the last flood, and whether the GUI cut it off. */
  readonly lastFlood: { sent: number; cutOff: boolean };
  close(): Promise<void>;
}

/** Resolves when `response` may be written again, or has closed. */
function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/** Writes up to `total` bytes of spaces, as fast as the peer reads them, until it hangs up. */
async function flood(response: ServerResponse, total: number, record: HostileFace['lastFlood']): Promise<void> {
  record.sent = 0;
  record.cutOff = false;
  while (record.sent < total && !response.destroyed) {
    const ok = response.write(CHUNK);
    record.sent += CHUNK.length;
    if (!ok) await drainedOrClosed(response);
  }
  record.cutOff = response.destroyed;
  if (!response.destroyed) response.end();
}

/**
 * An in-process HTTP server on loopback standing in for face: a good face on HOSTILE_PATHS.good,
 * and on the others an answer of `floodBytes` (chunked, or with that Content-Length), bytes that
 * are not HTTP, or no answer at all.
 */
export async function startHostileFace(floodBytes: number): Promise<HostileFace> {
  const lastFlood = { sent: 0, cutOff: false };
  const server = createServer((request, response) => {
    switch (request.url) {
      case HOSTILE_PATHS.good:
        response.writeHead(200, { 'content-type': 'application/json', 'x-faces-pod': 'fake-face' }).end(GOOD_FACE);
        return;
      case HOSTILE_PATHS.floodChunked:
        response.writeHead(200, { 'content-type': 'application/json' });
        void flood(response, floodBytes, lastFlood);
        return;
      case HOSTILE_PATHS.floodLength:
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(floodBytes) });
        void flood(response, floodBytes, lastFlood);
        return;
      case HOSTILE_PATHS.garbage:
        request.socket.end(GARBAGE);
        return;
      case HOSTILE_PATHS.hang:
        return;
      default:
        response.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    lastFlood,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
