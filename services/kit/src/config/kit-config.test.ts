import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from './config-error.js';
import { readKitConfig, readServiceName } from './kit-config.js';

describe('readKitConfig', () => {
  it('has the documented defaults and is frozen', () => {
    const config = readKitConfig({ HOSTNAME: 'pod-1' }, 'smiley');
    assert.equal(config.port, 8000);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.logLevel, 'info');
    assert.equal(config.pod, 'pod-1');
    assert.equal(config.seed, undefined);
    assert.deepEqual(config.faults, {
      errorFraction: 0,
      latchFraction: 0,
      delayBuckets: [],
      maxRate: 0,
      latchIdleSeconds: 30,
    });
    assert.equal(config.drainSeconds, 5);
    assert.equal(config.requestTimeoutMs, 10_000);
    assert.equal(config.keepAliveTimeoutMs, 65_000);
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.faults));
  });

  it('prefers HOST_IP over HOSTNAME for the pod', () => {
    assert.equal(readKitConfig({ HOST_IP: '10.0.0.7', HOSTNAME: 'pod-1' }, 'color').pod, '10.0.0.7');
  });

  const bad: { variable: string; value: string }[] = [
    { variable: 'ERROR_FRACTION', value: 'abc' },
    { variable: 'ERROR_FRACTION', value: '101' },
    { variable: 'ERROR_FRACTION', value: '-1' },
    { variable: 'LATCH_FRACTION', value: '2.5' },
    { variable: 'DELAY_BUCKETS', value: '5,x' },
    { variable: 'MAX_RATE', value: 'fast' },
    { variable: 'MAX_RATE', value: '-1' },
    { variable: 'PORT', value: '70000' },
    { variable: 'PORT', value: '80a' },
    { variable: 'LOG_LEVEL', value: 'verbose' },
    { variable: 'FACES_SEED', value: 'seed' },
    { variable: 'DRAIN_SECONDS', value: '301' },
    { variable: 'LATCH_IDLE_SECONDS', value: '0' },
    // 0 would mean no bound at all, which is the hole these close.
    { variable: 'REQUEST_TIMEOUT_MS', value: '0' },
    { variable: 'REQUEST_TIMEOUT_MS', value: '99' },
    { variable: 'REQUEST_TIMEOUT_MS', value: '300001' },
    { variable: 'REQUEST_TIMEOUT_MS', value: '1.5' },
    { variable: 'REQUEST_TIMEOUT_MS', value: '10s' },
    { variable: 'KEEP_ALIVE_TIMEOUT_MS', value: '0' },
    { variable: 'KEEP_ALIVE_TIMEOUT_MS', value: '900001' },
    { variable: 'KEEP_ALIVE_TIMEOUT_MS', value: '65e3' },
  ];
  for (const { variable, value } of bad) {
    it(`refuses ${variable}=${value}, naming both`, () => {
      assert.throws(
        () => readKitConfig({ [variable]: value }, 'face'),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.variable === variable &&
          error.value === value &&
          error.message.startsWith(`${variable}="${value}" is not valid: `),
      );
    });
  }

  it('accepts the request and keep-alive bounds at the edges of their ranges', () => {
    const low = readKitConfig({ REQUEST_TIMEOUT_MS: '100', KEEP_ALIVE_TIMEOUT_MS: '100' }, 'smiley');
    assert.deepEqual([low.requestTimeoutMs, low.keepAliveTimeoutMs], [100, 100]);
    const high = readKitConfig({ REQUEST_TIMEOUT_MS: '300000', KEEP_ALIVE_TIMEOUT_MS: '900000' }, 'smiley');
    assert.deepEqual([high.requestTimeoutMs, high.keepAliveTimeoutMs], [300_000, 900_000]);
  });

  it('refuses a shutdown timeout that does not outlast the drain', () => {
    assert.throws(
      () => readKitConfig({ DRAIN_SECONDS: '30', SHUTDOWN_TIMEOUT_SECONDS: '30' }, 'smiley'),
      /SHUTDOWN_TIMEOUT_SECONDS="30" is not valid: more than DRAIN_SECONDS/,
    );
  });
});

describe('readServiceName', () => {
  it('reads a known service', () => assert.equal(readServiceName({ FACES_SERVICE: 'color' }), 'color'));
  it('refuses an unknown or missing one', () => {
    assert.throws(
      () => readServiceName({ FACES_SERVICE: 'colour' }),
      /FACES_SERVICE="colour" is not valid: one of smiley, color, face, gui/,
    );
    assert.throws(() => readServiceName({}), /FACES_SERVICE="" is not valid/);
  });
});
