import { PALETTE } from '@faces/kit';

export type BackendName = 'smiley' | 'color';
export const BACKENDS: readonly BackendName[] = ['smiley', 'color'];

/** How a backend call can fail, as the contract tells them apart. */
export type FailureKind = 'error' | 'timeout' | 'rate-limited';

/** What one backend call came to: its value, or how it failed and a human-readable detail. */
export type Outcome =
  | { readonly kind: 'ok'; readonly value: string }
  | { readonly kind: FailureKind; readonly detail: string };

/** The body face answers with. */
export interface Face {
  readonly smiley: string;
  readonly color: string;
  readonly errors: readonly string[];
}

/** What stands in for a failed backend (the contract's table; the GUI's key explains each). */
export const SUBSTITUTES: Readonly<Record<BackendName, Readonly<Record<FailureKind, string>>>> = Object.freeze({
  smiley: Object.freeze({
    error: '&#x1F92C;', // Cursing
    timeout: '&#x1F634;', // Sleeping
    'rate-limited': '&#x1F92F;', // Kaboom
  }),
  color: Object.freeze({
    error: PALETTE.grey ?? '#BBBBBB',
    timeout: PALETTE.red ?? '#EE6677',
    'rate-limited': PALETTE.yellow ?? '#CCBB44',
  }),
});

/**
 * Names why a face is degraded, so tests and audiences can tell the causes apart. A list of
 * tokens: `injected` or `rate-limited` (face's own faults), or `upstream-error`,
 * `upstream-timeout`, `upstream-rate-limited`, each with `;backend=<name>`. Absent on a whole face.
 */
export const DEGRADED_HEADER = 'x-faces-degraded';

const UPSTREAM_CAUSE: Readonly<Record<FailureKind, string>> = {
  error: 'upstream-error',
  timeout: 'upstream-timeout',
  'rate-limited': 'upstream-rate-limited',
};

const NO_ERRORS: readonly string[] = Object.freeze([]);

function shown(backend: BackendName, outcome: Outcome): string {
  return outcome.kind === 'ok' ? outcome.value : SUBSTITUTES[backend][outcome.kind];
}

/** Pure: the two backends' outcomes → the face to answer, failed backends substituted. */
export function composeFace(smiley: Outcome, color: Outcome): Face {
  let errors = NO_ERRORS;
  if (smiley.kind !== 'ok' || color.kind !== 'ok') {
    const list: string[] = [];
    if (smiley.kind !== 'ok') list.push(`smiley: ${smiley.detail}`);
    if (color.kind !== 'ok') list.push(`color: ${color.detail}`);
    errors = list;
  }
  return { smiley: shown('smiley', smiley), color: shown('color', color), errors };
}

type Kind = Outcome['kind'];
const KINDS: readonly Kind[] = ['ok', 'error', 'timeout', 'rate-limited'];

// Every combination's header value, built once: the hot path only looks it up.
const DEGRADED = new Map<string, string | undefined>();
for (const smiley of KINDS) {
  for (const color of KINDS) {
    const causes: string[] = [];
    if (smiley !== 'ok') causes.push(`${UPSTREAM_CAUSE[smiley]};backend=smiley`);
    if (color !== 'ok') causes.push(`${UPSTREAM_CAUSE[color]};backend=color`);
    DEGRADED.set(`${smiley} ${color}`, causes.length === 0 ? undefined : causes.join(', '));
  }
}
/** The X-Faces-Degraded value for these outcomes, or undefined when both backends answered. */
export function degradation(smiley: Outcome, color: Outcome): string | undefined {
  if (smiley.kind === 'ok' && color.kind === 'ok') return undefined;
  return DEGRADED.get(`${smiley.kind} ${color.kind}`);
}
