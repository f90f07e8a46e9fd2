import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '@faces/kit';
import { buildColorApp } from './app.js';
import { readColorConfig } from './config.js';

describe('readColorConfig', () => {
  const table: [string | undefined, string][] = [
    [undefined, '#228833'],
    ['green', '#228833'],
    ['grey', '#BBBBBB'],
    ['black', '#000000'],
    ['white', '#FFFFFF'],
    ['darkblue', '#4477AA'],
    ['blue', '#66CCEE'],
    ['yellow', '#CCBB44'],
    ['red', '#EE6677'],
    ['purple', '#AA3377'],
    ['#123', '#123'],
    ['#AbCdEf', '#AbCdEf'],
    ['lightcyan', 'lightcyan'],
  ];
  for (const [value, expected] of table) {
    it(`sends ${expected} for COLOR=${value ?? '(unset)'}`, () => {
      assert.equal(readColorConfig(value === undefined ? {} : { COLOR: value }).color, expected);
    });
  }
  for (const bad of ['notacolor', '#12', '#1234567', 'gren', 'rgb(1,2,3)']) {
    it(`refuses COLOR=${bad}`, () => {
      assert.throws(
        () => readColorConfig({ COLOR: bad }),
        (e: unknown) => e instanceof ConfigError && e.variable === 'COLOR',
      );
    });
  }
});

describe('buildColorApp', () => {
  it('answers every normal path with the color', async (t) => {
    const app = buildColorApp(readColorConfig({ COLOR: 'blue' }), { processMetrics: false });
    t.after(() => app.close());
    for (const url of ['/', '/center/', '/edge/?row=1&col=2', '/color/center/']) {
      assert.deepEqual((await app.inject({ url })).json(), { color: '#66CCEE' }, url);
    }
  });
});
