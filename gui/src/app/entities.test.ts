import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeHexEntities } from './entities.js';

describe('decodeHexEntities', () => {
  const cases = [
    { name: 'decodes a smiley entity', input: '&#x1F603;', expected: '\u{1F603}' },
    { name: 'decodes lower-case hex', input: '&#x1f92c;', expected: '\u{1F92C}' },
    { name: 'decodes several entities in a row', input: '&#x1F603;&#x1F634;', expected: '\u{1F603}\u{1F634}' },
    { name: 'keeps a literal emoji as it is', input: '\u{1F60D}', expected: '\u{1F60D}' },
    { name: 'leaves markup as text, not decoded into anything', input: '<img src=x>', expected: '<img src=x>' },
    { name: 'leaves decimal entities alone (only hex forms)', input: '&#128515;', expected: '&#128515;' },
    { name: 'leaves named entities alone', input: '&lt;b&gt;', expected: '&lt;b&gt;' },
    { name: 'leaves an entity without its semicolon alone', input: '&#x1F603', expected: '&#x1F603' },
    { name: 'refuses code points past U+10FFFF', input: '&#x110000;', expected: '&#x110000;' },
    { name: 'refuses lone surrogates', input: '&#xD800;', expected: '&#xD800;' },
    { name: 'refuses NUL', input: '&#x0;', expected: '&#x0;' },
    {
      name: 'does not turn &#x3C; into a character that could be parsed as markup later',
      input: '&#x3C;',
      expected: '<',
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => assert.equal(decodeHexEntities(input), expected));
  }
});
