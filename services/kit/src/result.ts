/**
 * The one shape for "it worked, with this value" or "it failed, because": for a refusal that is
 * an answer (a bad update, a bad flag, an unreachable peer), not a bug. `reason` is a one-line
 * message unless a caller needs more (a status, a kind).
 */
export type Result<T, R = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: R };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<R = string>(reason: R): { readonly ok: false; readonly reason: R } {
  return { ok: false, reason };
}
