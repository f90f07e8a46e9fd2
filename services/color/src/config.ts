import {
  ConfigError,
  type Env,
  type KitConfig,
  PALETTE,
  readBool,
  readKitConfig,
  readRaw,
  resolveColor,
} from '@faces/kit';

export const DEFAULT_COLOR = 'green';

/** What COLOR (and a run-time update) may be, as refusals say it. */
export const COLOR_ALLOWED = `a palette name (${Object.keys(PALETTE).join(', ')}), #RGB or #RRGGBB, or a CSS named color such as lightcyan`;

export interface ColorConfig {
  readonly kit: KitConfig;
  /** What the service sends: a palette name resolved to hex, or a hex or CSS name as given. */
  readonly color: string;
  /** ALLOW_UPDATES: whether PUT and gRPC UpdateColor may change the color at run time. */
  readonly allowUpdates: boolean;
}

export function readColorConfig(env: Env): ColorConfig {
  const raw = readRaw(env, 'COLOR') ?? DEFAULT_COLOR;
  const color = resolveColor(raw);
  if (color === undefined) throw new ConfigError('COLOR', raw, COLOR_ALLOWED);
  return Object.freeze({
    kit: readKitConfig(env, 'color'),
    color,
    allowUpdates: readBool(env, 'ALLOW_UPDATES', true),
  });
}
