import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSafeCssColor, PALETTE, resolveColor } from './css-color.js';

describe('colors', () => {
  it('resolves palette names to their hex values', () => {
    assert.equal(resolveColor('green'), '#228833');
    assert.equal(resolveColor('grey'), PALETTE.grey);
    assert.equal(resolveColor('darkblue'), '#4477AA');
  });
  it('passes hex values and CSS names as given', () => {
    assert.equal(resolveColor('#abc'), '#abc');
    assert.equal(resolveColor('#A1B2C3'), '#A1B2C3');
    assert.equal(resolveColor('lightcyan'), 'lightcyan');
  });
  for (const bad of ['notacolor', '#abcd1', '#ggg', 'green;', '', 'rgb(0,0,0)']) {
    it(`refuses ${JSON.stringify(bad)} for the color service`, () => assert.equal(resolveColor(bad), undefined));
  }
  for (const safe of ['lightcyan', '#E0FFFF', 'rgb(10, 20, 30)', 'hsl(180deg 50% 90%)', 'rgba(0,0,0,0.5)']) {
    it(`accepts ${safe} as a page background`, () => assert.ok(isSafeCssColor(safe)));
  }
  for (const unsafe of [
    'red;}body{display:none',
    '</style><script>',
    'url(x)',
    'rgb(0,0,0);x',
    'expression(alert(1))',
    'blue ',
  ]) {
    it(`refuses ${JSON.stringify(unsafe)} as a page background`, () => assert.ok(!isSafeCssColor(unsafe)));
  }
});
