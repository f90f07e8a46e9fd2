import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '@faces/kit';
import { DEFAULT_BACKEND_CONNECTIONS, DEFAULT_BACKEND_TIMEOUT_MS, readFaceConfig } from './config.js';

describe('readFaceConfig', () => {
  it('defaults to the Kubernetes Service names on port 80 and a timeout under the cell budget', () => {
    const config = readFaceConfig({});
    assert.equal(config.smiley.origin, 'http://smiley:80');
    assert.equal(config.color.origin, 'http://color:80');
    assert.equal(config.backendTimeoutMs, DEFAULT_BACKEND_TIMEOUT_MS);
    assert.ok(config.backendTimeoutMs < 2000);
    assert.equal(config.backendConnections, DEFAULT_BACKEND_CONNECTIONS);
    assert.equal(config.kit.service, 'face');
    assert.ok(Object.isFrozen(config));
  });

  const forms = [
    { value: 'smiley', origin: 'http://smiley:80' },
    { value: 'smiley:8000', origin: 'http://smiley:8000' },
    { value: 'http://127.0.0.1:9000', origin: 'http://127.0.0.1:9000' },
  ];
  for (const { value, origin } of forms) {
    it(`reads SMILEY_SERVICE=${value} and COLOR_SERVICE=${value} as ${origin}`, () => {
      const config = readFaceConfig({ SMILEY_SERVICE: value, COLOR_SERVICE: value });
      assert.equal(config.smiley.origin, origin);
      assert.equal(config.color.origin, origin);
    });
  }

  const bad = [
    { variable: 'SMILEY_SERVICE', value: 'smiley:0' },
    { variable: 'SMILEY_SERVICE', value: 'https://smiley' },
    { variable: 'COLOR_SERVICE', value: 'color:80/path' },
    { variable: 'COLOR_SERVICE', value: 'color:' },
    { variable: 'BACKEND_TIMEOUT_MS', value: '0' },
    { variable: 'BACKEND_TIMEOUT_MS', value: '1.5' },
    { variable: 'BACKEND_TIMEOUT_MS', value: '60001' },
    { variable: 'BACKEND_TIMEOUT_MS', value: '1s' },
    { variable: 'BACKEND_CONNECTIONS', value: '0' },
    { variable: 'BACKEND_CONNECTIONS', value: '1025' },
    { variable: 'GRPC_CONNECTIONS', value: '0' },
    { variable: 'GRPC_CONNECTIONS', value: '65' },
    { variable: 'GRPC_KEEPALIVE_MS', value: '99' },
    { variable: 'GRPC_KEEPALIVE_MS', value: '1s' },
    { variable: 'GRPC_PING_TIMEOUT_MS', value: '60001' },
    { variable: 'GRPC_MAX_STREAMS', value: '0' },
    { variable: 'GRPC_MAX_STREAMS', value: '1073741824' },
  ];
  for (const { variable, value } of bad) {
    it(`refuses ${variable}=${value}, naming the variable and the value`, () => {
      assert.throws(
        () => readFaceConfig({ [variable]: value }),
        (error: unknown) => error instanceof ConfigError && error.variable === variable && error.value === value,
      );
    });
  }

  it("defaults face's gRPC client to 4 connections, a PING every 1 s answered within 1 s, renewal before 2^30 streams", () => {
    assert.deepEqual(
      { ...readFaceConfig({}).grpc },
      { connections: 4, keepaliveMs: 1000, keepaliveTimeoutMs: 1000, maxStreamsPerConnection: 1_000_000_000 },
    );
    const edge = readFaceConfig({ GRPC_CONNECTIONS: '64', GRPC_MAX_STREAMS: '1073741823' }).grpc;
    assert.equal(edge.connections, 64);
    assert.equal(edge.maxStreamsPerConnection, 2 ** 30 - 1);
  });

  it('accepts the near-miss bounds of the timeout', () => {
    assert.equal(readFaceConfig({ BACKEND_TIMEOUT_MS: '1' }).backendTimeoutMs, 1);
    assert.equal(readFaceConfig({ BACKEND_TIMEOUT_MS: '60000' }).backendTimeoutMs, 60_000);
  });
});
