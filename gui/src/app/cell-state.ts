import { decodeHexEntities } from './entities.js';

/** What a cell can show; each has a sample in the key. `idle` is before the first answer. */
export type CellState =
  | 'idle'
  | 'success'
  | 'face-error'
  | 'latched'
  | 'timeout'
  | 'sleeping'
  | 'rate-limited'
  | 'color-error'
  | 'smiley-error';

/** One poll's outcome, as the api module reports it. */
export type Observation =
  | { readonly kind: 'answer'; readonly status: number; readonly body: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network'; readonly message: string };

export interface CellView {
  readonly state: CellState;
  /** The emoji itself, already decoded: render it as text. */
  readonly smiley: string;
  /** A CSS color; from face only when it answered, validated by the face contract's colors. */
  readonly color: string;
  /** Timeouts in a row; more than MAX_TIMEOUTS turns the cell to sleeping. */
  readonly timeouts: number;
  /** Why the cell is not a plain success, for the tooltip. */
  readonly detail: string;
}

export const GLYPHS: Readonly<
  Record<'grinning' | 'confused' | 'sleeping' | 'kaboom' | 'cursing' | 'neutral' | 'upset', string>
> = Object.freeze({
  grinning: '\u{1F603}',
  confused: '\u{1F615}',
  sleeping: '\u{1F634}',
  kaboom: '\u{1F92F}',
  cursing: '\u{1F92C}',
  neutral: '\u{1F610}',
  upset: '\u{1F62C}',
});

/** The Faces palette, as face substitutes it for failed backends. */
export const COLORS: Readonly<Record<'grey' | 'green' | 'blue' | 'red' | 'yellow' | 'purple', string>> = Object.freeze({
  grey: '#BBBBBB',
  green: '#228833',
  blue: '#66CCEE',
  red: '#EE6677',
  yellow: '#CCBB44',
  purple: '#AA3377',
});

/** More timeouts in a row than this and the cell sleeps (the original's rule). */
export const MAX_TIMEOUTS = 4;
/** A cell not updated for this long starts to fade (the key's "slow service")… */
export const FADE_START_MS = 2000;
/** …and is gone at this age: how a slow service shows. */
export const FADE_END_MS = 2500;

export const IDLE: CellView = Object.freeze({
  state: 'idle',
  smiley: '',
  color: COLORS.grey,
  timeouts: 0,
  detail: 'waiting for the first answer',
});

function view(state: CellState, smiley: string, color: string, timeouts: number, detail: string): CellView {
  return { state, smiley, color, timeouts, detail };
}

/** A timeout, or sleeping once there have been too many in a row. */
function timedOut(previous: CellView, detail: string, smiley = GLYPHS.sleeping, color = COLORS.red): CellView {
  const timeouts = previous.timeouts + 1;
  if (timeouts > MAX_TIMEOUTS) return view('sleeping', GLYPHS.sleeping, COLORS.red, timeouts, detail);
  return view('timeout', smiley, color, timeouts, detail);
}

interface FaceBody {
  readonly smiley: string;
  readonly color: string;
  readonly errors: readonly string[];
}

function parseFace(body: string): FaceBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { smiley, color, errors } = parsed as Record<string, unknown>;
  if (typeof smiley !== 'string' || typeof color !== 'string') return undefined;
  const list = Array.isArray(errors) ? errors.filter((item): item is string => typeof item === 'string') : [];
  return { smiley, color, errors: list };
}

function errorsOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    if (Array.isArray(parsed.errors)) return parsed.errors.map(String).join('; ');
  } catch {
    // Not JSON: the status says enough.
  }
  return '';
}

type Failure = 'timeout' | 'rate-limited' | 'error';

/** How face says a backend failed: by the substitute it put in the backend's place. */
function smileyFailure(smiley: string): Failure {
  if (smiley === GLYPHS.sleeping) return 'timeout';
  if (smiley === GLYPHS.kaboom) return 'rate-limited';
  return 'error';
}

function colorFailure(color: string): Failure {
  const upper = color.toUpperCase();
  if (upper === COLORS.red) return 'timeout';
  if (upper === COLORS.yellow) return 'rate-limited';
  return 'error';
}

/** A 200 from face: a whole face, or one with substitutes for failed backends. */
function answered(previous: CellView, face: FaceBody): CellView {
  const smiley = decodeHexEntities(face.smiley);
  const { color } = face;
  if (face.errors.length === 0) return view('success', smiley, color, 0, '');
  const detail = face.errors.join('; ');
  const failures: Failure[] = [];
  if (face.errors.some((error) => error.startsWith('smiley'))) failures.push(smileyFailure(smiley));
  if (face.errors.some((error) => error.startsWith('color'))) failures.push(colorFailure(color));
  if (failures.includes('timeout')) return timedOut(previous, detail, smiley, color);
  if (failures.includes('rate-limited')) return view('rate-limited', smiley, color, 0, detail);
  if (face.errors.some((error) => error.startsWith('smiley'))) return view('smiley-error', smiley, color, 0, detail);
  if (face.errors.some((error) => error.startsWith('color'))) return view('color-error', smiley, color, 0, detail);
  return view('face-error', smiley, color, 0, detail);
}

/** Pure: the previous view and one poll's outcome → what the cell shows next. */
export function nextView(previous: CellView, observation: Observation): CellView {
  if (observation.kind === 'timeout') return timedOut(previous, 'no answer in time');
  if (observation.kind === 'network') {
    return view('face-error', GLYPHS.confused, COLORS.purple, 0, `network error: ${observation.message}`);
  }
  const { status, body } = observation;
  const reason = errorsOf(body);
  const detail = `HTTP ${status}${reason === '' ? '' : `: ${reason}`}`;
  if (status === 200) {
    const face = parseFace(body);
    if (face === undefined)
      return view('face-error', GLYPHS.confused, COLORS.purple, 0, 'face answered 200 without a face');
    return answered(previous, face);
  }
  if (status === 504) return timedOut(previous, detail);
  if (status === 599) return view('latched', GLYPHS.neutral, COLORS.yellow, 0, detail);
  if (status === 429) return view('rate-limited', GLYPHS.kaboom, COLORS.yellow, 0, detail);
  if (status >= 500) return view('face-error', GLYPHS.confused, COLORS.purple, 0, detail);
  return view('face-error', GLYPHS.upset, COLORS.purple, 0, detail);
}

/** Cells on the outer EDGE_SIZE rings poll /face/edge/, the others /face/center/. */
export function cellKind(row: number, col: number, rows: number, cols: number, edgeSize: number): 'center' | 'edge' {
  const inside = (index: number, size: number) => index >= edgeSize && index <= size - 1 - edgeSize;
  return inside(row, rows) && inside(col, cols) ? 'center' : 'edge';
}

/** A cell's first request waits this long, so the grid ripples instead of firing at once. */
export function staggerMs(row: number, col: number, rows: number, cols: number, periodMs = 2000): number {
  return row * Math.floor(periodMs / rows) + col * Math.floor(periodMs / (rows * cols));
}

/** The wait before a cell's next request: one period after the last one started. */
export function nextDelayMs(latencyMs: number, periodMs = 2000): number {
  return Math.max(0, periodMs - latencyMs);
}

/** `face-5f7d8c9b6d-x2x4z` → `face-x2x4z`, as the original's pod column names pods. */
export function podLabel(pod: string): string {
  const parts = pod.split('-');
  return parts.length > 2 ? `${parts[0]}-${parts[parts.length - 1]}` : pod;
}
