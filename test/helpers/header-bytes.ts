/** Request header values as bytes, and a response head's header values as the bytes that came. */
import assert from 'node:assert/strict';

/** `length` bytes, all in 0x80–0xFF (cycling), so each would double under a latin1-to-UTF-8 re-encoding. */
export function nonAsciiBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = 0x80 + (i % 0x80);
  return bytes;
}

/** One HTTP/1.1 request with `Connection: close`; each header value is sent as the exact bytes given. */
export function rawRequest(
  path: string,
  headers: Readonly<Record<string, string | Buffer>> = {},
  method = 'GET',
): Buffer {
  const parts: Buffer[] = [
    Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n`, 'latin1'),
  ];
  for (const [name, value] of Object.entries(headers)) {
    parts.push(Buffer.from(`${name}: `, 'latin1'), typeof value === 'string' ? Buffer.from(value, 'latin1') : value);
    parts.push(Buffer.from('\r\n', 'latin1'));
  }
  parts.push(Buffer.from('\r\n', 'latin1'));
  return Buffer.concat(parts);
}

/** The bytes of the first `name` header in the first response head of `received`, or undefined. */
export function headerBytesOf(received: Buffer, name: string): Buffer | undefined {
  const end = received.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const wanted = name.toLowerCase();
  let start = received.indexOf('\r\n') + 2;
  while (start > 1 && start < end) {
    const next = received.indexOf('\r\n', start);
    const line = received.subarray(start, next);
    const colon = line.indexOf(':');
    if (colon !== -1 && line.subarray(0, colon).toString('latin1').toLowerCase() === wanted) {
      let from = colon + 1;
      while (line[from] === 0x20 || line[from] === 0x09) from++;
      return line.subarray(from);
    }
    start = next + 2;
  }
  return undefined;
}

/** The body after the first response head (the whole rest, for a `Connection: close` answer). */
export function bodyOf(received: Buffer): string {
  const end = received.indexOf('\r\n\r\n');
  return end === -1 ? '' : received.subarray(end + 4).toString('utf8');
}

/** A header value as Node's parser hands it over (one latin1 character per byte), back to its bytes. */
export function latin1Bytes(value: string | string[] | undefined): Buffer | undefined {
  return typeof value === 'string' ? Buffer.from(value, 'latin1') : undefined;
}

/** Asserts `actual` is exactly `expected`, and on failure says how long each was and how each begins. */
export function assertSameBytes(actual: Buffer | undefined, expected: Buffer, what: string): void {
  if (actual?.equals(expected)) return;
  const start = (bytes: Buffer) => `${bytes.length} bytes ${bytes.subarray(0, 8).toString('hex')}…`;
  assert.fail(`${what}: got ${actual === undefined ? 'nothing' : start(actual)}, sent ${start(expected)}`);
}
