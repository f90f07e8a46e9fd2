import {
  ConfigError,
  type Env,
  isSafeCssColor,
  isServiceLinkVariable,
  type KitConfig,
  PALETTE,
  readBool,
  readInt,
  readKitConfig,
  readRaw,
  readServiceAddress,
  readToken,
  type ServiceAddress,
} from '@faces/kit';
import type { PageSettings } from '../app/page-config-shape.js';

/** The page background when PAGE_COLOR (and COLOR) is unset (the original's default). */
export const DEFAULT_PAGE_COLOR = 'white';
/** How long the GUI waits for face before answering 504: above any DELAY_BUCKETS a workshop uses to show "slow". */
export const DEFAULT_FACE_TIMEOUT_MS = 5000;
/**
 * The GUI's own names: PAGE_COLOR and PAGE_COLOR_<user>, which cannot collide with color's COLOR
 * (as they did in `faces all`, where one environment reaches every service). The original
 * faces-gui's COLOR and COLOR_<user> are still read, after these, so its manifests keep working.
 */
const PAGE_COLOR = 'PAGE_COLOR';
const ORIGINAL_PAGE_COLOR = 'COLOR';

export interface GuiConfig {
  readonly kit: KitConfig;
  readonly face: ServiceAddress;
  readonly faceTimeoutMs: number;
  /** PAGE_COLOR (else COLOR), resolved: the background for users without their own. */
  readonly color: string;
  /** PAGE_COLOR_<user> (else COLOR_<user>), resolved, by user name. */
  readonly userColors: ReadonlyMap<string, string>;
  readonly page: PageSettings;
  /** EVENTS_TOKEN: when set, POST /events needs it; unset, anyone may post (Flagger cannot sign). */
  readonly eventsToken: string | undefined;
}

/**
 * A palette name becomes the Faces palette's value (so `COLOR_foo=blue` matches the cells' blue);
 * any other value must be a CSS color that cannot carry CSS or markup.
 */
export function readPageColor(env: Env, name: string, def: string | undefined): string | undefined {
  const raw = readRaw(env, name) ?? def;
  if (raw === undefined) return undefined;
  const palette = PALETTE[raw.toLowerCase()];
  if (palette !== undefined) return palette;
  if (!isSafeCssColor(raw)) {
    throw new ConfigError(name, raw, 'a CSS color: a palette or CSS color name, #RGB, #RRGGBB, rgb(…) or hsl(…)');
  }
  return raw;
}

/**
 * Every <base>_<user> in the environment, each validated now so a bad one stops the start. The
 * kubelet's service-link variables for a `color` Service (COLOR_PORT, COLOR_SERVICE_HOST, …) are
 * not users: a pod in a namespace with such a Service must still start.
 */
function readUserColorsOf(env: Env, base: string, colors: Map<string, string>): void {
  const prefix = `${base}_`;
  for (const name of Object.keys(env).sort()) {
    if (!name.startsWith(prefix) || name.length === prefix.length) continue;
    if (isServiceLinkVariable(name)) continue;
    const color = readPageColor(env, name, undefined);
    if (color !== undefined) colors.set(name.slice(prefix.length), color);
  }
}

function readUserColors(env: Env): ReadonlyMap<string, string> {
  const colors = new Map<string, string>();
  readUserColorsOf(env, ORIGINAL_PAGE_COLOR, colors);
  readUserColorsOf(env, PAGE_COLOR, colors);
  return colors;
}

export function readGuiConfig(env: Env): GuiConfig {
  const faceTimeoutMs = readInt(env, 'FACE_TIMEOUT_MS', DEFAULT_FACE_TIMEOUT_MS, 1, 60_000);
  return Object.freeze({
    kit: readKitConfig(env, 'gui'),
    face: readServiceAddress(env, 'FACE_SERVICE', 'face'),
    faceTimeoutMs,
    color:
      readPageColor(env, PAGE_COLOR, undefined) ??
      readPageColor(env, ORIGINAL_PAGE_COLOR, DEFAULT_PAGE_COLOR) ??
      DEFAULT_PAGE_COLOR,
    userColors: readUserColors(env),
    page: Object.freeze({
      hideKey: readBool(env, 'HIDE_KEY', false),
      showPods: readBool(env, 'SHOW_PODS', false),
      numRows: readInt(env, 'NUM_ROWS', 4, 1, 32),
      numCols: readInt(env, 'NUM_COLS', 4, 1, 32),
      edgeSize: readInt(env, 'EDGE_SIZE', 1, 0, 16),
      startActive: readBool(env, 'START_ACTIVE', true),
      cellTimeoutMs: faceTimeoutMs + 1000,
      showRollouts: readBool(env, 'SHOW_ROLLOUTS', true),
    }),
    eventsToken: readToken(env, 'EVENTS_TOKEN'),
  });
}

/** The background for this user: their PAGE_COLOR_<user>, else PAGE_COLOR (or the original's names). */
export function colorFor(config: GuiConfig, user: string): string {
  return config.userColors.get(user) ?? config.color;
}
