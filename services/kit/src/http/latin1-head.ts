import type { ServerResponse } from 'node:http';

type Write = (...args: unknown[]) => unknown;

/** The call's arguments with a string chunk turned into its bytes (in the call's encoding). */
function asBytes(args: unknown[]): unknown[] {
  const [chunk, encoding] = args;
  if (typeof chunk === 'string') {
    args[0] = Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  }
  return args;
}

/**
 * Makes `response` hand its body to Node as bytes, so that its head goes out as latin1, byte for
 * byte. Node writes the head with the first body chunk, and when that chunk is a string it encodes
 * both in the chunk's encoding (UTF-8: OutgoingMessage._send), so a header byte 0x80–0xFF would
 * leave as two bytes. Only answers whose head holds such bytes need this, and pay for the copy.
 */
export function sendHeadAsLatin1(response: ServerResponse): void {
  const end = response.end as Write;
  const write = response.write as Write;
  response.end = function endWithBytes(this: ServerResponse, ...args: unknown[]) {
    return end.apply(this, asBytes(args));
  } as ServerResponse['end'];
  response.write = function writeBytes(this: ServerResponse, ...args: unknown[]) {
    return write.apply(this, asBytes(args));
  } as ServerResponse['write'];
}
