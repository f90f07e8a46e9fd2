import type { RolloutSnapshot } from './rollout-shape.js';

/** The longest wait before opening the stream again after the server refused or was gone. */
const MAX_BACKOFF_MS = 30_000;
const FIRST_BACKOFF_MS = 2000;

function isSnapshot(value: unknown): value is RolloutSnapshot {
  const snapshot = value as Partial<RolloutSnapshot> | null;
  return (
    typeof snapshot === 'object' &&
    snapshot !== null &&
    typeof snapshot.serverNowMs === 'number' &&
    Array.isArray(snapshot.rollouts)
  );
}

/**
 * The page's end of GET events/stream (relative, like config.json). EventSource reconnects by
 * itself when a stream drops; when the server answers anything but a stream (a GUI restarting
 * behind an ingress answers 502, a full or draining one 503), EventSource gives up, so this
 * opens it again, waiting longer each time (2 s doubling to 30 s).
 */
export class RolloutFeed {
  private source: EventSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoffMs = FIRST_BACKOFF_MS;

  constructor(private readonly onSnapshot: (snapshot: RolloutSnapshot, receivedAtMs: number) => void) {}

  start(): void {
    if (this.source !== undefined || this.timer !== undefined) return;
    const source = new EventSource('events/stream');
    this.source = source;
    source.addEventListener('rollouts', (event) => {
      this.backoffMs = FIRST_BACKOFF_MS;
      try {
        const snapshot: unknown = JSON.parse((event as MessageEvent<string>).data);
        if (isSnapshot(snapshot)) this.onSnapshot(snapshot, Date.now());
      } catch {
        // Not ours: keep what is shown.
      }
    });
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED) return;
      this.source = undefined;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.start();
      }, this.backoffMs);
      this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs * 2);
    });
  }

  stop(): void {
    this.source?.close();
    this.source = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
