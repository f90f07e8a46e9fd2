import { fail, ok, type Result } from '../result.js';

/** Which cells a run-time update changes: `all` changes both. */
export type Which = 'center' | 'edge' | 'all';
export const WHICH_VALUES: readonly Which[] = ['center', 'edge', 'all'];

export function isWhich(value: unknown): value is Which {
  return typeof value === 'string' && (WHICH_VALUES as readonly string[]).includes(value);
}

/** A run-time update as asked: which cells, and the raw value (a smiley or a color, unresolved). */
export interface UpdateRequest {
  readonly which: Which;
  readonly value: string;
}

/** The one-line reason for a bad `which`. */
export function whichProblem(which: unknown): string {
  if (which === undefined || which === '') return `"which" is missing: it must be one of ${WHICH_VALUES.join(', ')}`;
  return `"which" must be one of ${WHICH_VALUES.join(', ')}, was ${JSON.stringify(which)}`;
}

/**
 * A PUT body `{"which": …, "<field>": …}` → the update, or a one-line reason. Unknown extra fields
 * are ignored; the value's own rules (a known smiley, a color) are the caller's.
 */
export function parseUpdateBody(body: string | undefined, field: string): Result<UpdateRequest> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch (error) {
    const reason = body === undefined || body.trim() === '' ? 'the body is empty' : (error as Error).message;
    return fail(`invalid JSON: ${reason}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail(`invalid JSON: expected an object {"which": …, "${field}": …}`);
  }
  const { which } = parsed as { which?: unknown };
  const value = (parsed as Record<string, unknown>)[field];
  if (!isWhich(which)) return fail(whichProblem(which));
  if (value === undefined || value === '') return fail(`"${field}" is missing or empty`);
  if (typeof value !== 'string') return fail(`"${field}" must be a string, was ${JSON.stringify(value)}`);
  return ok({ which, value });
}
