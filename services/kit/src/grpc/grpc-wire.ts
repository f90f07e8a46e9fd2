// The gRPC wire format over HTTP/2 that color's server and face's client share (no library): the
// 5-byte length-prefixed message frame, grpc-message's percent-encoding and grpc-timeout.

/** The frame header: a compressed flag (1 byte) and the message's length (4 bytes, big-endian). */
export const FRAME_HEADER_BYTES = 5;

/** The gRPC status codes this code answers or maps. */
export const GrpcCode = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

/** One message in its frame (uncompressed). */
export function encodeFrame(message: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + message.length);
  frame[0] = 0;
  frame.writeUInt32BE(message.length, 1);
  frame.set(message, FRAME_HEADER_BYTES);
  return frame;
}

export type FrameResult =
  | { readonly ok: true; readonly message: Uint8Array }
  | { readonly ok: false; readonly code: number; readonly message: string };

/**
 * The single message of a unary call's body (request or response): exactly one uncompressed
 * frame of at most `maxBytes`. Near misses are refused with the status gRPC implementations give
 * them: a larger message RESOURCE_EXHAUSTED; a compressed flag (nothing here negotiates an
 * encoding), a truncated frame, none or more than one INTERNAL.
 */
export function decodeUnaryFrame(body: Buffer, maxBytes: number): FrameResult {
  if (body.length < FRAME_HEADER_BYTES) {
    const problem = body.length === 0 ? 'no message' : `a truncated frame header (${body.length} of 5 bytes)`;
    return { ok: false, code: GrpcCode.INTERNAL, message: `protocol error: ${problem}` };
  }
  const flags = body[0] ?? 0;
  const length = body.readUInt32BE(1);
  if (length > maxBytes) {
    return {
      ok: false,
      code: GrpcCode.RESOURCE_EXHAUSTED,
      message: `message of ${length} bytes is larger than the limit of ${maxBytes}`,
    };
  }
  if (flags !== 0) {
    const problem = flags === 1 ? 'a compressed message without a negotiated encoding' : `frame flags ${flags}`;
    return { ok: false, code: GrpcCode.INTERNAL, message: `protocol error: ${problem}` };
  }
  const end = FRAME_HEADER_BYTES + length;
  if (body.length < end) {
    const got = body.length - FRAME_HEADER_BYTES;
    return {
      ok: false,
      code: GrpcCode.INTERNAL,
      message: `protocol error: a truncated message (${got} of ${length} bytes)`,
    };
  }
  if (body.length > end) {
    return { ok: false, code: GrpcCode.INTERNAL, message: 'protocol error: more than one message in a unary call' };
  }
  return { ok: true, message: body.subarray(FRAME_HEADER_BYTES, end) };
}

/** grpc-message as the spec has it: UTF-8, with bytes outside printable ASCII and `%` as %XX. */
export function encodeGrpcMessage(text: string): string {
  if (!/[^\x20-\x24\x26-\x7e]/.test(text)) return text;
  let encoded = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    encoded +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x25
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** grpc-message back to text; a `%` not followed by two hex digits stays as it is (the spec's advice). */
export function decodeGrpcMessage(value: string): string {
  if (!value.includes('%')) return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const TIMEOUT_UNIT_MS: Readonly<Record<string, number>> = {
  H: 3_600_000,
  M: 60_000,
  S: 1000,
  m: 1,
  u: 0.001,
  n: 0.000_001,
};

/**
 * grpc-timeout (`TimeoutValue TimeoutUnit`: at most 8 digits, then H M S m u n) in milliseconds;
 * undefined when absent, NaN when malformed.
 */
export function parseGrpcTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,8})([HMSmun])$/.exec(value);
  if (match === null) return Number.NaN;
  return Number(match[1]) * (TIMEOUT_UNIT_MS[match[2] ?? ''] ?? Number.NaN);
}

/** The gRPC status a non-200 HTTP answer stands for (the gRPC spec's HTTP-to-gRPC mapping). */
export function grpcCodeOfHttpStatus(status: number): number {
  switch (status) {
    case 400:
      return GrpcCode.INTERNAL;
    case 401:
      return GrpcCode.UNAUTHENTICATED;
    case 403:
      return GrpcCode.PERMISSION_DENIED;
    case 404:
      return GrpcCode.UNIMPLEMENTED;
    case 429:
    case 502:
    case 503:
    case 504:
      return GrpcCode.UNAVAILABLE;
    default:
      return GrpcCode.UNKNOWN;
  }
}
