import { describeTransportError } from '@faces/kit';
import { Pool } from '@faces/kit/undici-pool';
import type { Dispatcher } from 'undici';
import { LIMITS } from './limits.js';

/** An answer from a backend, or why there is none; never thrown. */
export type BackendAnswer =
  | { readonly ok: true; readonly status: number; readonly body: string; readonly ms: number }
  | { readonly ok: false; readonly failure: string; readonly ms: number };

/** Faces answers are small JSON; a body past this is not one. */
export const MAX_BACKEND_BODY_BYTES = 64 * 1024;

export interface BackendCall {
  readonly method?: 'GET' | 'PUT' | 'DELETE';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  /** The caller's cancellation (the client cancelled the tool call). */
  readonly signal?: AbortSignal;
}

/** Why a call failed, in words, with its code: "connection refused (ECONNREFUSED)". */
export function reasonOf(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (name === 'AbortError') return 'cancelled';
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if (typeof code === 'string')
    return `${describeTransportError(code) ?? (error instanceof Error ? error.message : code)} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

type Settle = (result: { status: number; body: string } | { failure: string }) => void;

/**
 * One call as an undici dispatch handler (the kit's Pool has no request() helper): collects the
 * body up to MAX_BACKEND_BODY_BYTES, settles once, on the answer, an error or an abort.
 */
class CallHandler implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  private size = 0;
  private readonly chunks: Buffer[] = [];
  private settled = false;

  constructor(
    private readonly where: string,
    private readonly settle: Settle,
  ) {}

  abort(failure: string): void {
    this.finish({ failure });
    this.controller?.abort(new Error(failure));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.settled) controller.abort(new Error('abandoned'));
    else this.controller = controller;
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
    this.controller = controller;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.byteLength;
    if (this.size > MAX_BACKEND_BODY_BYTES) {
      this.finish({ failure: `${this.where} answered more than ${MAX_BACKEND_BODY_BYTES} bytes` });
      controller.abort(new Error('answer too large'));
      return;
    }
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    this.finish({ status: this.status, body: Buffer.concat(this.chunks).toString('utf8') });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.finish({ failure: `cannot get an answer from ${this.where}: ${reasonOf(error, 0)}` });
  }

  private finish(result: Parameters<Settle>[0]): void {
    if (this.settled) return;
    this.settled = true;
    this.settle(result);
  }
}

/**
 * Kept-alive connections to each backend (undici's Pool, as face has), shared by every session:
 * lighter than fetch, which builds a WHATWG Request, Response and stream for every call.
 */
export class Backends {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly connections: number = LIMITS.maxConcurrency) {}

  private poolFor(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, { connections: this.connections });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  /** One HTTP call to a backend, bounded in time (headers and body) and in body size; never throws. */
  async call(url: string, where: string, call: BackendCall): Promise<BackendAnswer> {
    const started = performance.now();
    const target = new URL(url);
    const result = await new Promise<Parameters<Settle>[0]>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const onCancel = () => handler.abort(`cannot get an answer from ${where}: cancelled`);
      const handler = new CallHandler(where, (settled) => {
        clearTimeout(timer);
        call.signal?.removeEventListener('abort', onCancel);
        resolve(settled);
      });
      if (call.signal?.aborted) return onCancel();
      timer = setTimeout(
        () => handler.abort(`cannot get an answer from ${where}: no answer within ${call.timeoutMs} ms`),
        call.timeoutMs,
      );
      call.signal?.addEventListener('abort', onCancel, { once: true });
      this.poolFor(target.origin).dispatch(
        {
          origin: target.origin,
          path: `${target.pathname}${target.search}`,
          method: call.method ?? 'GET',
          headers: call.headers,
          body: call.body,
        },
        handler,
      );
    });
    const ms = Math.round(performance.now() - started);
    return 'failure' in result ? { ok: false, failure: result.failure, ms } : { ok: true, ...result, ms };
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.destroy()));
  }
}

/** The one line a refusal's `{"error": …}` (or `{"errors": […]}`) gives, else its text, shortened. */
export function messageOf(body: string): string {
  let message = body.trim();
  try {
    const parsed = JSON.parse(body) as { error?: unknown; errors?: unknown };
    if (typeof parsed.error === 'string') message = parsed.error;
    else if (Array.isArray(parsed.errors)) message = parsed.errors.map(String).join('; ');
  } catch {
    // Not JSON: the text is the message.
  }
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}
