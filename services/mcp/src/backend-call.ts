import { BufferedCall, describeTransportError } from '@faces/kit';
import { fail, ok, type Result } from '@faces/kit/result';
import { Pool } from '@faces/kit/undici-pool';
import { LIMITS } from './limits.js';

/** An answer from a backend, or why there is none (never thrown), and how long it took either way. */
export type BackendAnswer = Result<Answered> & { readonly ms: number };

interface Answered {
  readonly status: number;
  readonly body: string;
}

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

type Settle = (result: Result<Answered>) => void;

/**
 * One call to a backend (the kit's BufferedCall: settles once, its timer, the body cap), which the
 * caller's signal also ends: the client cancelled the tool call.
 */
class BackendCallHandler extends BufferedCall {
  private cancelled = false;
  private readonly cancel = (): void => {
    this.cancelled = true;
    this.expire();
  };

  constructor(
    private readonly where: string,
    private readonly call: BackendCall,
    private readonly resolve: Settle,
  ) {
    super(MAX_BACKEND_BODY_BYTES, call.timeoutMs);
    call.signal?.addEventListener('abort', this.cancel, { once: true });
  }

  protected answered(status: number, body: Buffer): void {
    this.done(ok({ status, body: body.toString('utf8') }));
  }

  protected failed(reason: Error | 'timeout'): void {
    if (reason === 'timeout') {
      const why = this.cancelled ? 'cancelled' : `no answer within ${this.call.timeoutMs} ms`;
      this.done(fail(`cannot get an answer from ${this.where}: ${why}`));
    } else if ((reason as { code?: unknown }).code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
      this.done(fail(`${this.where} answered more than ${MAX_BACKEND_BODY_BYTES} bytes`));
    } else {
      this.done(fail(`cannot get an answer from ${this.where}: ${reasonOf(reason, 0)}`));
    }
  }

  private done(result: Parameters<Settle>[0]): void {
    this.call.signal?.removeEventListener('abort', this.cancel);
    this.resolve(result);
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
    const result = call.signal?.aborted
      ? fail(`cannot get an answer from ${where}: cancelled`)
      : await new Promise<Parameters<Settle>[0]>((resolve) => {
          this.poolFor(target.origin).dispatch(
            {
              origin: target.origin,
              path: `${target.pathname}${target.search}`,
              method: call.method ?? 'GET',
              headers: call.headers,
              body: call.body,
            },
            new BackendCallHandler(where, call, resolve),
          );
        });
    const ms = Math.round(performance.now() - started);
    return { ...result, ms };
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
