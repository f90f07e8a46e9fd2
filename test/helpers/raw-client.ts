import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

/** What a raw exchange saw: every byte the server sent, and whether and how the connection ended. */
export interface RawExchange {
  readonly received: Buffer;
  /** The server closed (or reset) the connection before `timeoutMs`. */
  readonly closed: boolean;
  /** Milliseconds from connect to close, or to the timeout. */
  readonly elapsedMs: number;
}

/** A loopback TCP connection to `port`, open and ready to write. Destroy it in t.after. */
export async function openRaw(port: number, host = '127.0.0.1'): Promise<Socket> {
  const socket = connect({ port, host });
  socket.on('error', () => {});
  await once(socket, 'connect');
  return socket;
}

/**
 * Collects what the server sends on `socket` until it closes the connection or `timeoutMs`
 * passes (then the socket is destroyed). Bounded in time whatever the server does.
 */
export function collect(socket: Socket, timeoutMs: number): Promise<RawExchange> {
  const started = performance.now();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ received: Buffer.concat(chunks), closed, elapsedMs: performance.now() - started });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => finish(true));
    if (socket.destroyed) finish(true);
  });
}

/** Sends `bytes` on a fresh connection and collects the answer (see collect). */
export async function exchange(port: number, bytes: string | Buffer, timeoutMs: number): Promise<RawExchange> {
  const socket = await openRaw(port);
  socket.write(bytes);
  return collect(socket, timeoutMs);
}

/** The status codes of every HTTP/1.1 response in `received`, in order. */
export function statusesOf(received: Buffer): number[] {
  return [...received.toString('latin1').matchAll(/HTTP\/1\.[01] ([0-9]{3}) /g)].map((match) => Number(match[1]));
}
