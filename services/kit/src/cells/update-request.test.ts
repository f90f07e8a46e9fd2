import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUpdateBody } from './update-request.js';

describe('parseUpdateBody', () => {
  it('reads which cells and the raw value', () => {
    assert.deepEqual(parseUpdateBody('{"which":"edge","color":"blue","extra":1}', 'color'), {
      ok: true,
      value: { which: 'edge', value: 'blue' },
    });
  });

  const refusals: [string | undefined, RegExp][] = [
    [undefined, /^invalid JSON: the body is empty$/],
    ['  ', /^invalid JSON: the body is empty$/],
    ['{"which":', /^invalid JSON: /],
    ['[1]', /^invalid JSON: expected an object \{"which": …, "color": …\}$/],
    ['{"color":"blue"}', /^"which" is missing: it must be one of center, edge, all$/],
    ['{"which":"middle","color":"blue"}', /^"which" must be one of center, edge, all, was "middle"$/],
    ['{"which":"all"}', /^"color" is missing or empty$/],
    ['{"which":"all","color":7}', /^"color" must be a string, was 7$/],
  ];
  for (const [body, reason] of refusals) {
    it(`refuses ${JSON.stringify(body)} with one line`, () => {
      const parsed = parseUpdateBody(body, 'color');
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.reason, reason);
    });
  }
});
