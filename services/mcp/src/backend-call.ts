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

const CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_SOCKET: 'connection closed before the answer was complete',
};

/** Why a fetch failed, in words, with its code: "connection refused (ECONNREFUSED)". */
export function reasonOf(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (name === 'AbortError') return 'cancelled';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code !== undefined) return `${CODES[code] ?? String(cause?.message ?? code)} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

async function readCapped(response: Response): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_BACKEND_BODY_BYTES) {
    await response.body?.cancel();
    return undefined;
  }
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BACKEND_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One HTTP call to a backend, bounded in time (headers and body) and in body size. */
export async function callBackend(url: string, where: string, call: BackendCall): Promise<BackendAnswer> {
  const started = performance.now();
  const deadline = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal === undefined ? deadline : AbortSignal.any([deadline, call.signal]);
  const ms = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: call.method ?? 'GET',
      headers: call.headers,
      body: call.body,
      signal,
      redirect: 'manual',
    });
    const body = await readCapped(response);
    if (body === undefined) {
      return { ok: false, failure: `${where} answered more than ${MAX_BACKEND_BODY_BYTES} bytes`, ms: ms() };
    }
    return { ok: true, status: response.status, body, ms: ms() };
  } catch (error) {
    return { ok: false, failure: `cannot get an answer from ${where}: ${reasonOf(error, call.timeoutMs)}`, ms: ms() };
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
