import { ConfigError, type Env, type KitConfig, PALETTE, readKitConfig, readRaw, resolveColor } from '@faces/kit';

export const DEFAULT_COLOR = 'green';

export interface ColorConfig {
  readonly kit: KitConfig;
  /** What the service sends: a palette name resolved to hex, or a hex or CSS name as given. */
  readonly color: string;
}

export function readColorConfig(env: Env): ColorConfig {
  const raw = readRaw(env, 'COLOR') ?? DEFAULT_COLOR;
  const color = resolveColor(raw);
  if (color === undefined) {
    throw new ConfigError(
      'COLOR',
      raw,
      `a palette name (${Object.keys(PALETTE).join(', ')}), #RGB or #RRGGBB, or a CSS named color such as lightcyan`,
    );
  }
  return Object.freeze({ kit: readKitConfig(env, 'color'), color });
}
