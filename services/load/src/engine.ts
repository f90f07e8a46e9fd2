import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import type { LoadOptions } from './flags.js';
import { type LoadSummary, Recorder } from './recorder.js';
import { firstSlot, nextSlot } from './schedule.js';

export const USER_AGENT = 'faces-load/0.1';
/** A worker this far behind its schedule drops missed slots instead of bursting (see schedule.ts). */
const MAX_LAG_MS = 1000;
/** Node's longest timer; a longer one fires at once, so longer waits (a small -q) are made of several. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Progress {
  readonly requests: number;
  readonly successRate: number;
  readonly elapsedMs: number;
}

export interface LoadRun {
  /** Resolves when every worker is done (or stopped) with what was measured. */
  readonly result: Promise<LoadSummary>;
  progress(): Progress;
  /** Sends nothing more and abandons requests in flight; `result` then resolves. */
  stop(): void;
}

export interface EngineDeps {
  /** Called once per request answered or failed (the loadtester counts them). */
  readonly onRequest?: () => void;
}

/** Starts a run: `workers` loops over one kept-alive undici Pool, each with one request in flight. */
export function startLoad(options: LoadOptions, deps: EngineDeps = {}): LoadRun {
  const recorder = new Recorder();
  const stopper = new AbortController();
  // Each worker listens on it twice at most (a request in flight, a pacing sleep).
  setMaxListeners(2 * options.workers + 10, stopper.signal);
  const pool = new Pool(options.url.origin, {
    connections: options.workers,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    // undici's 0 means "no timeout", as hey's -t 0 does.
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  const headers = requestHeaders(options);
  // One Buffer for every request: undici copies a string body per request, so with many workers
  // in flight a string body would be held once per worker.
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const path = `${options.url.pathname}${options.url.search}`;
  const started = performance.now();
  const deadline = options.durationMs > 0 ? started + options.durationMs : Number.POSITIVE_INFINITY;
  const total = options.durationMs > 0 ? Number.POSITIVE_INFINITY : options.requests;
  const intervalMs = options.ratePerWorker > 0 ? 1000 / options.ratePerWorker : 0;
  let issued = 0;

  const send = async (): Promise<void> => {
    const sentAt = performance.now();
    try {
      const response = await pool.request({
        path,
        method: options.method,
        headers,
        body,
        signal: stopper.signal,
      });
      let bytes = 0;
      for await (const chunk of response.body) bytes += (chunk as Buffer).length;
      recorder.recordResponse(response.statusCode, performance.now() - sentAt, bytes);
    } catch (error) {
      if (stopper.signal.aborted) return;
      recorder.recordError(describe(error));
    }
    deps.onRequest?.();
  };

  const worker = async (index: number): Promise<void> => {
    let slot = intervalMs > 0 ? firstSlot(started, intervalMs, index, options.workers) : started;
    while (!stopper.signal.aborted && issued < total && slot < deadline) {
      for (let wait = slot - performance.now(); wait > 0 && !stopper.signal.aborted; wait = slot - performance.now()) {
        await sleep(Math.min(wait, MAX_TIMER_MS), undefined, { signal: stopper.signal }).catch(() => undefined);
      }
      if (stopper.signal.aborted || issued >= total) break;
      issued++;
      await send();
      const now = performance.now();
      slot = intervalMs > 0 ? nextSlot(slot, intervalMs, now, MAX_LAG_MS).atMs : now;
    }
  };

  const result = Promise.all(Array.from({ length: options.workers }, (_, index) => worker(index))).then(async () => {
    const summary = recorder.summary(performance.now() - started);
    await (stopper.signal.aborted ? pool.destroy() : pool.close());
    return summary;
  });
  return {
    result,
    progress: () => ({
      requests: recorder.requests,
      successRate: recorder.successRate,
      elapsedMs: performance.now() - started,
    }),
    stop: () => stopper.abort(),
  };
}

function requestHeaders(options: LoadOptions): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  if (options.body !== undefined) headers['content-type'] = 'text/html';
  for (const [name, value] of Object.entries(options.headers)) {
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** One line per kind of failure, so the error distribution groups them. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
