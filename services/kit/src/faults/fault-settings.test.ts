import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../config/config-error.js';
import { type FaultConfig, readKitConfig } from '../config/kit-config.js';
import { readSettingsRequest, SettingsError } from './fault-settings.js';

const ENVIRONMENT: FaultConfig = readKitConfig(
  { ERROR_FRACTION: '10', DELAY_BUCKETS: '0,5', MAX_RATE: '20', LATCH_IDLE_SECONDS: '3' },
  'smiley',
).faults;

/** The message the environment reader gives for the same value. */
function envMessage(variable: string, value: string): string {
  try {
    readKitConfig({ [variable]: value }, 'smiley');
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`${variable}=${value} was accepted`);
}

describe('readSettingsRequest', () => {
  it('takes every field, and the environment fills the ones left out', () => {
    const { user, config } = readSettingsRequest({ errorFraction: 50 }, ENVIRONMENT);
    assert.equal(user, undefined);
    assert.deepEqual(config, { ...ENVIRONMENT, errorFraction: 50 });
    const all = readSettingsRequest(
      { errorFraction: '75', latchFraction: 5, delayBuckets: [0, 500], maxRate: 2.5, user: 'testuser' },
      ENVIRONMENT,
    );
    assert.equal(all.user, 'testuser');
    assert.deepEqual(all.config, {
      errorFraction: 75,
      latchFraction: 5,
      delayBuckets: [0, 500],
      maxRate: 2.5,
      latchIdleSeconds: 3,
    });
  });

  it('reads delay buckets as a list or as the variable spells them; an empty list is no delay', () => {
    assert.deepEqual(
      readSettingsRequest({ delayBuckets: '0, 10,1500' }, ENVIRONMENT).config.delayBuckets,
      [0, 10, 1500],
    );
    assert.deepEqual(readSettingsRequest({ delayBuckets: [] }, ENVIRONMENT).config.delayBuckets, []);
    // As in the environment, an empty string is unset: the environment's value.
    assert.deepEqual(readSettingsRequest({ delayBuckets: '' }, ENVIRONMENT).config.delayBuckets, [0, 5]);
  });

  const refused: { name: string; body: unknown; field: string; variable?: string; value?: string; message?: RegExp }[] =
    [
      {
        name: 'a percent over 100',
        body: { errorFraction: 101 },
        field: 'errorFraction',
        variable: 'ERROR_FRACTION',
        value: '101',
      },
      {
        name: 'a fractional percent',
        body: { errorFraction: 0.5 },
        field: 'errorFraction',
        variable: 'ERROR_FRACTION',
        value: '0.5',
      },
      {
        name: 'a negative percent',
        body: { latchFraction: -1 },
        field: 'latchFraction',
        variable: 'LATCH_FRACTION',
        value: '-1',
      },
      {
        name: 'a percent as a boolean',
        body: { errorFraction: true },
        field: 'errorFraction',
        variable: 'ERROR_FRACTION',
        value: 'true',
      },
      {
        name: 'a delay over a minute',
        body: { delayBuckets: [0, 60001] },
        field: 'delayBuckets',
        variable: 'DELAY_BUCKETS',
        value: '0,60001',
      },
      {
        name: 'a delay list with a hole',
        body: { delayBuckets: '5,,5' },
        field: 'delayBuckets',
        variable: 'DELAY_BUCKETS',
        value: '5,,5',
      },
      {
        name: 'a rate in exponent form',
        body: { maxRate: 1e21 },
        field: 'maxRate',
        variable: 'MAX_RATE',
        value: '1e+21',
      },
      {
        name: 'a rate as an object',
        body: { maxRate: { a: 1 } },
        field: 'maxRate',
        variable: 'MAX_RATE',
        value: '{"a":1}',
      },
      {
        name: 'a misspelt field (errorFractoin)',
        body: { errorFractoin: 5 },
        field: 'errorFractoin',
        message:
          /^unknown field "errorFractoin": known fields are errorFraction, latchFraction, delayBuckets, maxRate, user$/,
      },
      {
        name: 'latchIdleSeconds, which only the environment sets',
        body: { latchIdleSeconds: 5 },
        field: 'latchIdleSeconds',
        message: /^unknown field/,
      },
      {
        name: 'a user with a space first',
        body: { user: ' bob' },
        field: 'user',
        message: /^user: must be 1 to 1024 printable ASCII/,
      },
      { name: 'a user with a line break', body: { user: 'bob\nx' }, field: 'user', message: /^user: / },
      { name: 'a user over 1024 characters', body: { user: 'u'.repeat(1025) }, field: 'user', message: /^user: / },
      { name: 'a user that is a number', body: { user: 7 }, field: 'user', message: /^user: / },
    ];
  for (const { name, body, field, variable, value, message } of refused) {
    it(`refuses ${name}, naming ${field}`, () => {
      assert.throws(
        () => readSettingsRequest(body, ENVIRONMENT),
        (error: unknown) => {
          assert.ok(error instanceof SettingsError, String(error));
          assert.equal(error.field, field);
          if (variable !== undefined && value !== undefined) {
            assert.equal(error.message, `${field}: ${envMessage(variable, value)}`);
          }
          if (message !== undefined) assert.match(error.message, message);
          assert.ok(!error.message.includes('\n'));
          return true;
        },
      );
    });
  }

  for (const body of [null, [], 'errorFraction=5', 5]) {
    it(`refuses a body that is not an object: ${JSON.stringify(body)}`, () => {
      assert.throws(() => readSettingsRequest(body, ENVIRONMENT), /the body must be a JSON object/);
    });
  }

  it('a near-miss: 100 and 0 are in range', () => {
    assert.equal(readSettingsRequest({ errorFraction: 100 }, ENVIRONMENT).config.errorFraction, 100);
    assert.equal(readSettingsRequest({ errorFraction: 0 }, ENVIRONMENT).config.errorFraction, 0);
  });
});
