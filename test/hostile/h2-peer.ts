// A raw HTTP/2 peer of color's gRPC port (node:http2's client session), for the grpc-server-*
// hostile tests: calls that stop after their headers, resets, and the in-flight gauge to watch.
import { once } from 'node:events';
import { type ClientHttp2Session, type ClientHttp2Stream, connect, type SecureClientSessionOptions } from 'node:http2';
import { encodeFrame } from '@faces/kit';
import { get } from '../helpers/http.js';
import { parsePrometheus, sumOf } from '../helpers/prometheus.js';

export const CENTER = '/ColorService/Center';

/** A session to 127.0.0.1:port, connected; errors are the test's to observe, never thrown. */
export async function openSession(port: number, options: SecureClientSessionOptions = {}): Promise<ClientHttp2Session> {
  const session = connect(`http://127.0.0.1:${port}`, options);
  session.on('error', () => {});
  await once(session, 'connect');
  return session;
}

/** A call with its headers sent and nothing more (endStream false): the peer holds it open. */
export function heldCall(session: ClientHttp2Session, path = CENTER, headers: Record<string, string> = {}) {
  const stream = session.request(
    { ':method': 'POST', ':path': path, 'content-type': 'application/grpc', ...headers },
    { endStream: false },
  );
  stream.on('error', () => {});
  return stream;
}

/** A whole Center call (an empty ColorRequest). */
export function fullCall(session: ClientHttp2Session, headers: Record<string, string> = {}): ClientHttp2Stream {
  const stream = heldCall(session, CENTER, headers);
  stream.end(encodeFrame(new Uint8Array(0)));
  return stream;
}

/** What the stream was answered: headers, trailers, and when it closed. */
export async function answerOf(stream: ClientHttp2Stream): Promise<{ status: string | undefined; rst: number }> {
  let status: string | undefined;
  stream.on('response', (headers) => {
    status ??= headers['grpc-status'] as string | undefined;
  });
  stream.on('trailers', (trailers) => {
    status ??= trailers['grpc-status'] as string | undefined;
  });
  stream.resume();
  if (!stream.closed) await once(stream, 'close');
  return { status, rst: stream.rstCode ?? 0 };
}

/** http_requests_in_flight as color's /metrics reports it (the scrape itself counts one). */
export async function inFlight(url: string): Promise<number> {
  return sumOf(parsePrometheus((await get(`${url}/metrics`)).body), 'http_requests_in_flight');
}

/** HTTP/2 frame types and flags this peer writes or reads (RFC 9113 §6). */
export const FRAME = { DATA: 0, HEADERS: 1, RST_STREAM: 3, SETTINGS: 4, PING: 6, GOAWAY: 7 } as const;
const END_STREAM = 0x1;
const END_HEADERS = 0x4;

export function frame(type: number, flags: number, streamId: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(9);
  head.writeUIntBE(payload.length, 0, 3);
  head[3] = type;
  head[4] = flags;
  head.writeUInt32BE(streamId, 5);
  return Buffer.concat([head, payload]);
}

/** A literal header field with an indexed name from HPACK's static table (RFC 7541 §6.2.2); values < 128 bytes. */
function literal(nameIndex: number, value: string): Buffer {
  const prefix = nameIndex < 15 ? Buffer.from([nameIndex]) : Buffer.from([0x0f, nameIndex - 15]);
  return Buffer.concat([prefix, Buffer.from([value.length]), Buffer.from(value, 'latin1')]);
}

/** HEADERS of a Center call (POST, http, the path, application/grpc), with or without END_STREAM. */
export function callHeaders(streamId: number, endStream = false, path = CENTER): Buffer {
  // Static table: 3 = :method POST, 6 = :scheme http, 4 = :path, 1 = :authority, 31 = content-type.
  const block = Buffer.concat([
    Buffer.from([0x83, 0x86]),
    literal(4, path),
    literal(1, 'color'),
    literal(31, 'application/grpc'),
  ]);
  return frame(FRAME.HEADERS, END_HEADERS | (endStream ? END_STREAM : 0), streamId, block);
}

export function rstStream(streamId: number, code: number): Buffer {
  const payload = Buffer.alloc(4);
  payload.writeUInt32BE(code, 0);
  return frame(FRAME.RST_STREAM, 0, streamId, payload);
}

export interface ReadFrame {
  readonly type: number;
  readonly flags: number;
  readonly streamId: number;
  readonly payload: Buffer;
}

/**
 * A raw HTTP/2 connection that writes frames as given (it honours no setting of the server's)
 * and keeps every frame the server sends; `closed` resolves when the server ends the connection.
 */
export async function rawConnection(port: number) {
  const { connect: tcp } = await import('node:net');
  const socket = tcp(port, '127.0.0.1');
  socket.on('error', () => {});
  await once(socket, 'connect');
  const frames: ReadFrame[] = [];
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 9) {
      const length = pending.readUIntBE(0, 3);
      if (pending.length < 9 + length) break;
      frames.push({
        type: pending[3] ?? 0,
        flags: pending[4] ?? 0,
        streamId: pending.readUInt32BE(5) & 0x7fffffff,
        payload: pending.subarray(9, 9 + length),
      });
      pending = pending.subarray(9 + length);
    }
  });
  // Not events.once: it would reject on the 'error' (EPIPE) of a connection the server ended.
  const closed = new Promise<boolean>((resolve) => socket.once('close', () => resolve(true)));
  socket.write(Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1'), frame(FRAME.SETTINGS, 0, 0)]));
  return {
    socket,
    frames,
    closed,
    /** Writes unless the connection is gone (the server may end it mid-flood); false when it must drain. */
    write: (data: Buffer): boolean => {
      if (socket.destroyed) return true;
      try {
        return socket.write(data);
      } catch {
        return true;
      }
    },
    /** The error codes of the RST_STREAM frames received so far. */
    resets: () => frames.filter((f) => f.type === FRAME.RST_STREAM).map((f) => f.payload.readUInt32BE(0)),
  };
}
