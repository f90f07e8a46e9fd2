import type { ServerResponse } from 'node:http';
import type { RolloutSnapshot } from '../app/rollout-shape.js';

/** The most pages listening at once: a stage, a few laptops, a few screens; far below what one pod holds. */
export const MAX_STREAMS = 128;
/** A stream whose page reads so slowly that this much waits unsent is cut (the page reconnects). */
export const MAX_UNSENT_BYTES = 256 * 1024;
/** A comment this often keeps proxies (ingress-nginx: 60 s) from closing a quiet stream. */
export const HEARTBEAT_MS = 25_000;
/** The page waits this long before reconnecting after the stream ends (EventSource's `retry`). */
export const RETRY_MS = 2000;

const HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  // nginx (and ingress-nginx) must pass each event on at once, not buffer the stream.
  'x-accel-buffering': 'no',
  // One stream per connection: once it ends, the connection goes too (nothing idles in the pool).
  connection: 'close',
};

function message(snapshot: RolloutSnapshot): string {
  // JSON has no raw line breaks: the whole snapshot is one data line.
  return `event: rollouts\ndata: ${JSON.stringify(snapshot)}\n\n`;
}

/**
 * The pages listening for rollouts over Server-Sent Events: each gets the state when it connects
 * and again on every change. Bounded in number and in unsent bytes per page; end() closes every
 * stream (at the drain and at close: a stream never ends by itself, so it would hold the
 * shutdown open until its timeout).
 */
export class EventHub {
  private readonly streams = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly snapshot: () => RolloutSnapshot,
    private readonly limit = MAX_STREAMS,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.streams.size;
  }

  /** Whether one more page may listen now. */
  get full(): boolean {
    return this.closed || this.streams.size >= this.limit;
  }

  /** Takes over the response: headers, the retry interval and the state now. */
  add(response: ServerResponse): void {
    response.writeHead(200, HEADERS);
    response.write(`retry: ${RETRY_MS}\n\n${message(this.snapshot())}`);
    this.streams.add(response);
    response.on('close', () => this.streams.delete(response));
  }

  /** Sends the state now to every page. */
  broadcast(): void {
    if (this.streams.size > 0) this.write(message(this.snapshot()));
  }

  /** Ends every stream, and takes no more. */
  end(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const response of this.streams) response.end();
    this.streams.clear();
  }

  private write(text: string): void {
    for (const response of this.streams) {
      if (response.writableLength > MAX_UNSENT_BYTES) {
        response.destroy();
        this.streams.delete(response);
        continue;
      }
      response.write(text);
    }
  }
}
