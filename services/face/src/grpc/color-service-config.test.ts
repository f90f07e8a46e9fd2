import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '@faces/kit';
import { readColorService, readFaceConfig } from '../config.js';

describe('COLOR_SERVICE and the protocol face speaks to color', () => {
  const table = [
    { value: undefined, protocol: 'http', origin: 'http://color:80' },
    { value: 'color:8000', protocol: 'http', origin: 'http://color:8000' },
    { value: 'http://color', protocol: 'http', origin: 'http://color:80' },
    { value: 'grpc://color', protocol: 'grpc', origin: 'http://color:80' },
    { value: 'grpc://127.0.0.1:9000', protocol: 'grpc', origin: 'http://127.0.0.1:9000' },
    { value: 'grpc://[::1]:9000', protocol: 'grpc', origin: 'http://[::1]:9000' },
  ];
  for (const { value, protocol, origin } of table) {
    it(`reads COLOR_SERVICE=${value ?? '(unset)'} as ${protocol} to ${origin}`, () => {
      const color = readColorService(value === undefined ? {} : { COLOR_SERVICE: value });
      assert.equal(color.protocol, protocol);
      assert.equal(color.origin, origin);
    });
  }

  // Near misses: the scheme must be exactly grpc://, with a host and a port in range.
  for (const bad of ['grpc://', 'grpc://color:0', 'grpc://color:70000', 'grpcs://color', 'grpc:/color', 'grpc://a b']) {
    it(`refuses COLOR_SERVICE=${bad}, naming grpc:// among the forms`, () => {
      assert.throws(
        () => readColorService({ COLOR_SERVICE: bad }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.variable === 'COLOR_SERVICE' &&
          /grpc:\/\/host\[:port\]/.test(error.allowed),
      );
    });
  }

  it('keeps SMILEY_SERVICE HTTP-only: grpc:// is refused there', () => {
    assert.throws(() => readFaceConfig({ SMILEY_SERVICE: 'grpc://smiley' }), ConfigError);
  });
});
