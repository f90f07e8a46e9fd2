import { POD_HEADER, type ServiceAddress, USER_HEADER } from '@faces/kit';
import { errors, Pool } from 'undici';

/** What face answered, or why there is no answer: each maps to a status the cell can show. */
export type ProxyResult =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly body: Buffer;
      readonly headers: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'timeout' | 'unreachable'; readonly detail: string };

/** face's headers the GUI hands back to the browser. */
const PASSED_BACK = ['content-type', POD_HEADER, 'x-faces-degraded', 'x-faces-fault'] as const;

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Forwards cells' requests to face over kept-alive connections; close() when the app closes. */
export class FaceProxy {
  private readonly pool: Pool;

  constructor(
    private readonly face: ServiceAddress,
    private readonly timeoutMs: number,
    connections = 32,
  ) {
    this.pool = new Pool(face.origin, {
      connections,
      keepAliveTimeout: 30_000,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connectTimeout: timeoutMs,
    });
  }

  /** GET `path` (with its query) on face, passing on the user and the user agent. */
  async get(path: string, user: string | undefined, userAgent: string | undefined): Promise<ProxyResult> {
    const headers: Record<string, string> = {};
    if (user !== undefined) headers[USER_HEADER] = user;
    if (userAgent !== undefined) headers['user-agent'] = userAgent;
    try {
      const response = await this.pool.request({
        method: 'GET',
        path,
        headers,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const body = Buffer.from(await response.body.arrayBuffer());
      const passed: Record<string, string> = {};
      for (const name of PASSED_BACK) {
        const value = firstValue(response.headers[name]);
        if (value !== undefined) passed[name] = value;
      }
      return { kind: 'answer', status: response.statusCode, body, headers: passed };
    } catch (error) {
      return this.failure(error);
    }
  }

  private failure(error: unknown): ProxyResult {
    const where = `face at ${this.face.host}:${this.face.port}`;
    const { code, name } = error as { code?: unknown; name?: string };
    // AbortSignal.timeout() rejects with a DOMException named TimeoutError (whose `code` is a number).
    const timedOut = name === 'TimeoutError' || (typeof code === 'string' && TIMEOUT_CODES.has(code));
    if (timedOut || error instanceof errors.RequestAbortedError) {
      return { kind: 'timeout', detail: `${where} did not answer within ${this.timeoutMs} ms` };
    }
    return { kind: 'unreachable', detail: `cannot reach ${where}: ${typeof code === 'string' ? code : String(error)}` };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
