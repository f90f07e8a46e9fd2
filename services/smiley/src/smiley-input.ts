import { fail, ok, type Result } from '@faces/kit/result';
import { SMILEYS } from './smileys.js';

const CODE_POINT = /^(?:U\+|&#x)([0-9A-Fa-f]{1,6})(;?)$/;
/** A literal emoji: at most this many code points (a flag, a skin tone, a ZWJ family). */
const MAX_CODE_POINTS = 8;

function entityOf(code: number): string {
  return `&#x${code.toString(16).toUpperCase()};`;
}

function isScalar(code: number): boolean {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
}

/**
 * A smiley as a run-time update gives it → the HTML entity smiley serves: a name from the table
 * (case-sensitive, as SMILEY), `U+1F60D`, `&#x1F60D;`, or the emoji itself (each code point
 * becomes an entity). Unlike SMILEY at start, an unknown name is refused: the presenter is told.
 */
export function resolveSmileyInput(input: string): Result<string> {
  const text = input.trim();
  if (text === '') return fail('smiley cannot be empty');
  if (Object.hasOwn(SMILEYS, text)) return ok(SMILEYS[text] ?? '');
  const code = CODE_POINT.exec(text);
  if (code !== null) {
    const value = Number.parseInt(code[1] ?? '', 16);
    const entity = text.startsWith('&#x');
    if (isScalar(value) && (!entity || code[2] === ';') && (entity || code[2] === '')) {
      return ok(entityOf(value));
    }
    return fail(`${JSON.stringify(input)} is not a Unicode code point`);
  }
  const points = [...text].map((character) => character.codePointAt(0) ?? 0);
  if (points.length <= MAX_CODE_POINTS && points.every((point) => point > 0x7f)) {
    return ok(points.map(entityOf).join(''));
  }
  return fail(
    `unknown smiley ${JSON.stringify(input)}: use a name (${Object.keys(SMILEYS).join(', ')}), U+1F60D, &#x1F60D; or the emoji itself`,
  );
}
