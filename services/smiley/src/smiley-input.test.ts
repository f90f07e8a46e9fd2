import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveSmileyInput } from './smiley-input.js';

describe('resolveSmileyInput', () => {
  const accepted: [string, string][] = [
    ['HeartEyes', '&#x1F60D;'],
    ['Smiling', '&#x1F603;'],
    [' Neutral ', '&#x1F610;'],
    ['U+1F60D', '&#x1F60D;'],
    ['U+1f60d', '&#x1F60D;'],
    ['&#x1F60D;', '&#x1F60D;'],
    ['&#x1f60d;', '&#x1F60D;'],
    ['😍', '&#x1F60D;'],
    ['❤️', '&#x2764;&#xFE0F;'],
  ];
  for (const [input, entity] of accepted) {
    it(`resolves ${JSON.stringify(input)} to ${entity}`, () => {
      assert.deepEqual(resolveSmileyInput(input), { ok: true, value: entity });
    });
  }
  const refused: [string, RegExp][] = [
    ['', /cannot be empty/],
    ['   ', /cannot be empty/],
    ['hearteyes', /unknown smiley "hearteyes"/],
    ['Bogus', /unknown smiley/],
    ['toString', /unknown smiley/],
    ['U+', /unknown smiley/],
    ['U+D800', /not a Unicode code point/],
    ['U+110000', /not a Unicode code point/],
    ['U+1F60D;', /not a Unicode code point/],
    ['&#x1F60D', /not a Unicode code point/],
    ['<b>', /unknown smiley/],
    ['😍<script>', /unknown smiley/],
    ['😍😍😍😍😍😍😍😍😍', /unknown smiley/],
  ];
  for (const [input, message] of refused) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      const resolved = resolveSmileyInput(input);
      assert.equal(resolved.ok, false);
      if (!resolved.ok) assert.match(resolved.reason, message);
    });
  }
});
