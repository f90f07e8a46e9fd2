/** Smiley names as the original serves them, each an HTML hex entity. */
export const SMILEYS: Readonly<Record<string, string>> = Object.freeze({
  Grinning: '&#x1F603;',
  // The name 0.8 used for the same face; kept so existing manifests go on working.
  Smiling: '&#x1F603;',
  Sleeping: '&#x1F634;',
  Cursing: '&#x1F92C;',
  Kaboom: '&#x1F92F;',
  HeartEyes: '&#x1F60D;',
  Neutral: '&#x1F610;',
  RollingEyes: '&#x1F644;',
  Screaming: '&#x1F631;',
  Vomiting: '&#x1F92E;',
});

export const DEFAULT_SMILEY = 'Grinning';
/** Served for an unknown SMILEY: a visible sign on stage that the value is wrong. */
export const UNKNOWN_SMILEY = 'RollingEyes';

export interface SmileyChoice {
  readonly name: string;
  readonly entity: string;
  /** The unknown name asked for, when RollingEyes stands in for it. */
  readonly unknown: string | undefined;
}

export function chooseSmiley(name: string | undefined): SmileyChoice {
  const wanted = name ?? DEFAULT_SMILEY;
  const entity = Object.hasOwn(SMILEYS, wanted) ? SMILEYS[wanted] : undefined;
  if (entity !== undefined) return { name: wanted, entity, unknown: undefined };
  return { name: UNKNOWN_SMILEY, entity: SMILEYS[UNKNOWN_SMILEY] ?? '', unknown: wanted };
}
