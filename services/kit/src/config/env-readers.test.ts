import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from './config-error.js';
import {
  readBool,
  readDecimal,
  readDelayBuckets,
  readHeaderValue,
  readInt,
  readPercent,
  readServiceAddress,
} from './env-readers.js';

const env = (value: string | undefined) => ({ X: value });

describe('readPercent', () => {
  const cases: { value: string | undefined; expected: number | 'error' }[] = [
    { value: undefined, expected: 0 },
    { value: '', expected: 0 },
    { value: '0', expected: 0 },
    { value: '20', expected: 20 },
    { value: ' 20 ', expected: 20 },
    { value: '100', expected: 100 },
    { value: '101', expected: 'error' },
    { value: '-1', expected: 'error' },
    { value: '20.5', expected: 'error' },
    { value: 'abc', expected: 'error' },
    { value: '+5', expected: 'error' },
    { value: '1e2', expected: 'error' },
  ];
  for (const { value, expected } of cases) {
    it(`reads ${JSON.stringify(value)} as ${expected}`, () => {
      if (expected === 'error') assert.throws(() => readPercent(env(value), 'X'), ConfigError);
      else assert.equal(readPercent(env(value), 'X'), expected);
    });
  }
});

describe('readInt and readDecimal', () => {
  it('accepts the bounds and refuses one past them', () => {
    assert.equal(readInt(env('65535'), 'X', 1, 0, 65535), 65535);
    assert.throws(() => readInt(env('70000'), 'X', 1, 0, 65535), /X="70000" is not valid: an integer from 0 to 65535/);
    assert.equal(readDecimal(env('8.5'), 'X', 0, 0, 10), 8.5);
    assert.throws(() => readDecimal(env('fast'), 'X', 0, 0, 10), /X="fast" is not valid: a decimal number/);
    assert.throws(() => readDecimal(env('8.'), 'X', 0, 0, 10), ConfigError);
  });
});

describe('readDelayBuckets', () => {
  it('reads comma-separated milliseconds, spaces allowed', () => {
    assert.deepEqual(readDelayBuckets({ D: '0,5, 10,1500' }, 'D'), [0, 5, 10, 1500]);
    assert.deepEqual(readDelayBuckets({}, 'D'), []);
  });
  for (const bad of ['5,x', '5,,10', '-5', '5;10', '60001', '1.5']) {
    it(`refuses ${JSON.stringify(bad)} naming the variable`, () => {
      assert.throws(
        () => readDelayBuckets({ D: bad }, 'D'),
        (error: ConfigError) => error.variable === 'D' && error.value === bad,
      );
    });
  }
});

describe('readBool', () => {
  for (const [value, expected] of [
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['1', true],
    ['false', false],
    ['no', false],
    ['0', false],
  ] as const) {
    it(`reads ${value} as ${expected}`, () => assert.equal(readBool(env(value), 'X', !expected), expected));
  }
  it('refuses a near-miss such as "ture"', () => assert.throws(() => readBool(env('ture'), 'X', false), ConfigError));
});

describe('readServiceAddress', () => {
  const cases = [
    { value: 'smiley', origin: 'http://smiley:80' },
    { value: 'smiley:8000', origin: 'http://smiley:8000' },
    { value: 'http://127.0.0.1:9000', origin: 'http://127.0.0.1:9000' },
    { value: 'http://face.faces.svc.cluster.local/', origin: 'http://face.faces.svc.cluster.local:80' },
    { value: '[::1]:8080', origin: 'http://[::1]:8080' },
  ];
  for (const { value, origin } of cases) {
    it(`reads ${value} as ${origin}`, () => assert.equal(readServiceAddress({ S: value }, 'S', 'x').origin, origin));
  }
  it('uses the default when unset', () => assert.equal(readServiceAddress({}, 'S', 'color').origin, 'http://color:80'));
  const bads = ['smiley:0', 'smiley:70000', 'https://smiley', 'smiley:80/path', 'a b', 'smiley:', ':80'];
  // Hosts the pattern lets through but the URL parser refuses: they must fail at start, not per call.
  const unparsable = ['999.1.1.1', '1.2.3.4.5', '99999999999', '[:::::]', '0.0.0.256:80'];
  for (const bad of [...bads, ...unparsable]) {
    it(`refuses ${JSON.stringify(bad)}`, () =>
      assert.throws(() => readServiceAddress({ S: bad }, 'S', 'x'), /S=.* is not valid/));
  }
});

describe('readHeaderValue', () => {
  for (const good of ['face-5d8f7c9b4-x2x7q', '10.244.0.17', 'fe80::1']) {
    it(`takes ${good}`, () => assert.equal(readHeaderValue({ H: good }, 'H'), good));
  }
  for (const bad of ['pod\u0001', 'two words', 'pod\u00e9', '日本', 'x'.repeat(254)]) {
    it(`refuses ${JSON.stringify(bad.slice(0, 20))}, which a response header cannot carry`, () =>
      assert.throws(
        () => readHeaderValue({ H: bad }, 'H'),
        /^ConfigError: H=.* is not valid: up to 253 visible ASCII/,
      ));
  }
});

describe('ConfigError', () => {
  it('repeats a long value only in part, with its length', () => {
    const error = new ConfigError('X', 'y'.repeat(100_000), 'short');
    assert.ok(error.message.length < 200, `${error.message.length} characters`);
    assert.match(error.message, /… \(100000 characters\) is not valid: short$/);
  });
});
