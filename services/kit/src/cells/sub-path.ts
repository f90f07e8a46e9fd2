import { pathOf } from '../http/url-path.js';

export type SubPath = 'center' | 'edge' | '';

// The workshop's Ingress routes /face…, /smiley…, /color… without rewriting, so a leading service
// segment is skipped: /face/center/ means center.
const SERVICE_SEGMENTS = new Set(['face', 'smiley', 'color']);

/** Which kind of cell asked: `center`, `edge`, or '' for anything else (such as `/`). */
export function subPathOf(url: string): SubPath {
  const segments = pathOf(url)
    .split('/')
    .filter((segment) => segment !== '');
  const first = segments[0] !== undefined && SERVICE_SEGMENTS.has(segments[0]) ? segments[1] : segments[0];
  return first === 'center' || first === 'edge' ? first : '';
}
