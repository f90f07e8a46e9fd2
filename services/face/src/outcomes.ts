import { describeTransportError } from '@faces/kit';
import type { BackendName, FailureKind, Outcome } from './compose.js';

/** Text from a failed backend's body, for the `errors` entry: its own `errors` or `error`, shortened. */
export function reasonFromBody(body: string): string {
  const text = body.trim();
  if (text === '') return '';
  let reason = text;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      const { errors, error } = parsed as { errors?: unknown; error?: unknown };
      if (Array.isArray(errors) && errors.length > 0) reason = errors.map(String).join('; ');
      else if (typeof error === 'string') reason = error;
    }
  } catch {
    // Not JSON: the text itself is the best reason there is.
  }
  return reason.length > 200 ? `${reason.slice(0, 200)}…` : reason;
}

/** How a non-2xx status counts: 504 as a timeout (as a mesh or ingress timeout is), 429 as rate-limited. */
export function failureForStatus(status: number): FailureKind {
  if (status === 504) return 'timeout';
  if (status === 429) return 'rate-limited';
  return 'error';
}

/** A backend's answer → its outcome: a 2xx JSON object whose field is a non-empty string, or a failure. */
export function outcomeOfAnswer(backend: BackendName, where: string, status: number, body: string): Outcome {
  if (status < 200 || status > 299) {
    const reason = reasonFromBody(body);
    return {
      kind: failureForStatus(status),
      detail: `${where} answered ${status}${reason === '' ? '' : `: ${reason}`}`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'error', detail: `${where} answered ${status} with a body that is not JSON` };
  }
  const value =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[backend] : undefined;
  if (typeof value !== 'string' || value === '') {
    return { kind: 'error', detail: `${where} answered ${status} without a "${backend}" string` };
  }
  return { kind: 'ok', value };
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** A transport failure (no usable answer) → its outcome. */
export function outcomeOfError(where: string, error: Error & { code?: string }): Outcome {
  const code = error.code ?? error.name;
  if (TIMEOUT_CODES.has(code)) return { kind: 'timeout', detail: `no answer from ${where} in time (${code})` };
  const description = describeTransportError(code) ?? error.message;
  return { kind: 'error', detail: `cannot get an answer from ${where}: ${description} (${code})` };
}

export function timeoutOutcome(where: string, timeoutMs: number): Outcome {
  return { kind: 'timeout', detail: `no answer from ${where} within ${timeoutMs} ms` };
}
