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
