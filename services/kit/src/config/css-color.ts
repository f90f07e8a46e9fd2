import cssNamedColors from 'color-name';

/** The Faces palette (Paul Tol's "Bright"), as the original sends it. */
export const PALETTE: Readonly<Record<string, string>> = Object.freeze({
  grey: '#BBBBBB',
  black: '#000000',
  white: '#FFFFFF',
  darkblue: '#4477AA',
  blue: '#66CCEE',
  green: '#228833',
  yellow: '#CCBB44',
  red: '#EE6677',
  purple: '#AA3377',
});

const HEX = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

export function isHexColor(value: string): boolean {
  return HEX.test(value);
}

export function isCssNamedColor(value: string): boolean {
  return Object.hasOwn(cssNamedColors, value.toLowerCase());
}

/**
 * A palette name becomes its hex value; a #RGB/#RRGGBB value or a CSS named color is sent as
 * given; anything else is undefined.
 */
export function resolveColor(value: string): string | undefined {
  const palette = PALETTE[value.toLowerCase()];
  if (palette !== undefined) return palette;
  if (isHexColor(value) || isCssNamedColor(value)) return value;
  return undefined;
}

// rgb()/rgba()/hsl()/hsla() with numbers, percentages, commas, slashes and spaces only: nothing that
// could close a declaration or a tag.
const CSS_FUNCTION = /^(rgb|rgba|hsl|hsla)\(\s*[0-9.%\s,/deg-]+\)$/i;

/** Any CSS color value a page background may take, and nothing that could inject CSS or markup. */
export function isSafeCssColor(value: string): boolean {
  return (
    isHexColor(value) ||
    isCssNamedColor(value) ||
    CSS_FUNCTION.test(value) ||
    /^#[0-9a-fA-F]{4}([0-9a-fA-F]{4})?$/.test(value)
  );
}
