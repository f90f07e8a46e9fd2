import { openRaw, statusesOf } from '../helpers/raw-client.js';

/** What one raw connection saw, and why the collecting stopped. */
export interface WireResult {
  readonly received: Buffer;
  /** Status codes of every response in `received`, in order. */
  readonly statuses: number[];
  /** The server closed (or reset) the connection. */
  readonly closed: boolean;
  /** `enough` held before the server closed. */
  readonly satisfied: boolean;
}

/**
 * Writes `bytes` on a fresh loopback connection to `port` and collects what comes back until
 * `enough(received)` holds, the server closes, or `timeoutMs` passes; then the socket is destroyed.
 */
export async function exchangeUntil(
  port: number,
  bytes: string | Buffer,
  enough: (received: Buffer) => boolean,
  timeoutMs: number,
): Promise<WireResult> {
  const socket = await openRaw(port);
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    let done = false;
    const finish = (closed: boolean, satisfied: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const received = Buffer.concat(chunks);
      resolve({ received, statuses: statusesOf(received), closed, satisfied });
    };
    const timer = setTimeout(() => finish(false, false), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (enough(Buffer.concat(chunks))) finish(false, true);
    });
    socket.on('close', () => finish(true, false));
    socket.write(bytes);
  });
}

/** A last request that proves the connection is still parsed in step: its answer body is unique. */
export const SENTINEL = 'GET /healthz?sentinel HTTP/1.1\r\nHost: faces\r\n\r\n';
export const SENTINEL_BODY = '{"status":"OK"}';

export function endsWithSentinel(received: Buffer): boolean {
  return received.toString('latin1').endsWith(SENTINEL_BODY);
}
