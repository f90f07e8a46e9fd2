import type { Observation } from './cell-state.js';
import type { PageConfig } from './page-config-shape.js';
import type { ControlledService, FaultsView } from './presenter-state.js';

/** The header that names the user; the workshop's A/B test routes on it. */
export const USER_HEADER = 'X-Faces-User';

export interface FaceAnswer {
  readonly observation: Observation;
  /** The face pod that answered (X-Faces-Pod), when one did. */
  readonly pod: string | undefined;
  readonly latencyMs: number;
}

/**
 * Relative to the page, as the original: `../face/…` is /face/… both when the GUI is served at /
 * (its own proxy) and at /faces/ behind an Ingress that routes /face to face directly.
 */
function faceUrl(kind: 'center' | 'edge', row: number, col: number): string {
  return `../face/${kind}/?row=${row}&col=${col}`;
}

/** One poll: never throws; a timeout, a network failure and any status come back as an observation. */
export async function fetchFace(
  kind: 'center' | 'edge',
  row: number,
  col: number,
  user: string,
  timeoutMs: number,
  stop: AbortSignal,
): Promise<FaceAnswer> {
  const started = performance.now();
  const signal = AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]);
  try {
    const response = await fetch(faceUrl(kind, row, col), {
      headers: { [USER_HEADER]: user },
      cache: 'no-store',
      signal,
    });
    const body = await response.text();
    return {
      observation: { kind: 'answer', status: response.status, body },
      pod: response.headers.get('X-Faces-Pod') ?? undefined,
      latencyMs: performance.now() - started,
    };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const observation: Observation =
      name === 'TimeoutError' || name === 'AbortError'
        ? { kind: 'timeout' }
        : { kind: 'network', message: error instanceof Error ? error.message : String(error) };
    return { observation, pod: undefined, latencyMs: performance.now() - started };
  }
}

export type { PageConfig };

export const FALLBACK_CONFIG: PageConfig = Object.freeze({
  user: 'unknown',
  color: 'white',
  hideKey: false,
  showPods: false,
  numRows: 4,
  numCols: 4,
  edgeSize: 1,
  startActive: true,
  cellTimeoutMs: 6000,
  showRollouts: true,
});

/** The page configuration as the server sees it for `user` (for the User field's background). */
export async function fetchConfig(user: string): Promise<PageConfig> {
  const response = await fetch('config.json', {
    headers: { [USER_HEADER]: user },
    cache: 'no-store',
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return { ...FALLBACK_CONFIG, ...((await response.json()) as Partial<PageConfig>) };
}

/** What a fault control call through the GUI gave: the settings now, or why not. */
export type ControlAnswer =
  | { readonly ok: true; readonly view: FaultsView }
  | { readonly ok: false; readonly status: number; readonly error: string | undefined };

/**
 * GET, PUT or DELETE on `faults/<service>` (relative, like config.json), as the presenter's token
 * allows. Never throws: a network failure is status 0.
 */
export async function callFaults(
  service: ControlledService,
  token: string,
  method: 'GET' | 'PUT' | 'DELETE',
  options: { readonly user?: string; readonly errorFraction?: number } = {},
): Promise<ControlAnswer> {
  const query = method === 'DELETE' && options.user !== undefined ? `?user=${encodeURIComponent(options.user)}` : '';
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: string | undefined;
  if (method === 'PUT') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({ errorFraction: options.errorFraction, user: options.user });
  }
  try {
    const response = await fetch(`faults/${service}${query}`, {
      method,
      headers,
      cache: 'no-store',
      signal: AbortSignal.timeout(8000),
      ...(body === undefined ? {} : { body }),
    });
    const json = (await response.json().catch(() => undefined)) as { error?: unknown } | FaultsView | undefined;
    if (response.ok && json !== undefined && 'base' in json) return { ok: true, view: json };
    const error = json !== undefined && 'error' in json && typeof json.error === 'string' ? json.error : undefined;
    return { ok: false, status: response.status, error };
  } catch (error) {
    return { ok: false, status: 0, error: error instanceof Error ? error.message : String(error) };
  }
}
