/** What a session holds open: a transport (and its server), closed when the session ends. */
export interface Closable {
  close(): Promise<void>;
}

interface Entry<T> {
  readonly value: T;
  readonly kind: string;
  lastSeenMs: number;
}

/**
 * The open MCP sessions of the HTTP transports (Streamable HTTP and legacy SSE together): at most
 * `max`, each closed once it has seen no request for `idleMs`.
 */
export class Sessions<T extends Closable> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    readonly max: number,
    readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get full(): boolean {
    return this.entries.size >= this.max;
  }

  countOf(kind: string): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.kind === kind) count++;
    return count;
  }

  /** False when full: the caller refuses the new session. */
  add(id: string, value: T, kind: string): boolean {
    if (this.full) return false;
    this.entries.set(id, { value, kind, lastSeenMs: this.now() });
    return true;
  }

  /** The session, marked as seen now; undefined when unknown (or of another kind). */
  use(id: string, kind: string): T | undefined {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.kind !== kind) return undefined;
    entry.lastSeenMs = this.now();
    return entry.value;
  }

  /** Forgets a session that ended by itself (the client deleted it, its stream closed). */
  forget(id: string): void {
    this.entries.delete(id);
  }

  /** Closes every session idle for idleMs or more; returns their ids. */
  async sweep(): Promise<string[]> {
    const limit = this.now() - this.idleMs;
    const idle = [...this.entries].filter(([, entry]) => entry.lastSeenMs <= limit);
    for (const [id] of idle) this.entries.delete(id);
    await Promise.all(idle.map(([, entry]) => entry.value.close().catch(() => undefined)));
    return idle.map(([id]) => id);
  }

  async closeAll(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((entry) => entry.value.close().catch(() => undefined)));
  }
}
