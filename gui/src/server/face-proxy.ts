import type { IncomingHttpHeaders } from 'node:http';
import { BufferedCall, POD_HEADER, type ServiceAddress, USER_HEADER } from '@faces/kit';
import { errors, Pool } from '@faces/kit/undici-pool';
import type { Dispatcher } from 'undici';

/** What face answered, or why there is no answer: each maps to a status the cell can show. */
export type ProxyResult =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly body: Buffer;
      readonly headers: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'timeout' | 'unreachable' | 'bad-answer'; readonly detail: string };

/**
 * The most the GUI takes of one face answer, in bytes: face answers one small JSON object (about
 * 100 bytes), as its backends do (face caps theirs at 64 KiB too). Past it the connection is cut
 * and the cell gets 502, so a broken or hostile face cannot make the GUI buffer without bound.
 */
export const MAX_FACE_ANSWER_BYTES = 64 * 1024;

/** face's headers the GUI hands back to the browser. */
const PASSED_BACK: ReadonlySet<string> = new Set(['content-type', POD_HEADER, 'x-faces-degraded', 'x-faces-fault']);

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** One forwarded request: the status, the passed-back headers and the body bytes, under its own deadline. */
class ProxyCall extends BufferedCall {
  private kept: Record<string, string> = {};

  constructor(
    private readonly proxy: FaceProxy,
    private readonly resolve: (result: ProxyResult) => void,
  ) {
    super(MAX_FACE_ANSWER_BYTES, proxy.timeoutMs);
  }

  protected override headers(received: IncomingHttpHeaders): void {
    const headers: Record<string, string> = {};
    for (const name of PASSED_BACK) {
      const value = received[name];
      // The first value wins, as a repeated header is not something face sends.
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined) headers[name] = first;
    }
    this.kept = headers;
  }

  protected answered(status: number, body: Buffer): void {
    this.resolve({ kind: 'answer', status, body, headers: this.kept });
  }

  protected failed(reason: Error | 'timeout'): void {
    this.resolve(reason === 'timeout' ? this.proxy.timedOut() : this.proxy.failure(reason));
  }
}

/** Forwards cells' requests to face over kept-alive connections; close() when the app closes. */
export class FaceProxy {
  private readonly pool: Pool;

  constructor(
    private readonly face: ServiceAddress,
    readonly timeoutMs: number,
    connections = 32,
  ) {
    this.pool = new Pool(face.origin, {
      connections,
      keepAliveTimeout: 30_000,
      // The call's own deadline (ProxyCall) governs; these only back it up.
      headersTimeout: timeoutMs * 2,
      bodyTimeout: timeoutMs * 2,
      connectTimeout: timeoutMs,
      // undici destroys the connection once the body passes this, and the pool dials afresh.
      maxResponseSize: MAX_FACE_ANSWER_BYTES,
    });
  }

  /** The connections to face, for calls other than the cells' (fault control). */
  get dispatcher(): Dispatcher {
    return this.pool;
  }

  /** host:port, as errors name it. */
  get where(): string {
    return `${this.face.host}:${this.face.port}`;
  }

  /** GET `path` (with its query) on face, passing on the user and the user agent. */
  get(path: string, user: string | undefined, userAgent: string | undefined): Promise<ProxyResult> {
    const headers: string[] = [];
    if (user !== undefined) headers.push(USER_HEADER, user);
    if (userAgent !== undefined) headers.push('user-agent', userAgent);
    return new Promise((resolve) => {
      this.pool.dispatch({ method: 'GET', path, headers }, new ProxyCall(this, resolve));
    });
  }

  timedOut(): ProxyResult {
    return {
      kind: 'timeout',
      detail: `face at ${this.face.host}:${this.face.port} did not answer within ${this.timeoutMs} ms`,
    };
  }

  failure(error: unknown): ProxyResult {
    const { code } = error as { code?: unknown };
    if (typeof code === 'string' && TIMEOUT_CODES.has(code)) return this.timedOut();
    if (error instanceof errors.RequestAbortedError) return this.timedOut();
    const where = `face at ${this.face.host}:${this.face.port}`;
    if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
      return {
        kind: 'bad-answer',
        detail: `${where} answered more than ${MAX_FACE_ANSWER_BYTES} bytes, the GUI's cap`,
      };
    }
    if (error instanceof errors.HTTPParserError) {
      return { kind: 'bad-answer', detail: `${where} answered something that is not HTTP/1.1: ${error.message}` };
    }
    return { kind: 'unreachable', detail: `cannot reach ${where}: ${typeof code === 'string' ? code : String(error)}` };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
