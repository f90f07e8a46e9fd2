import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeGrpcMessage,
  decodeUnaryFrame,
  encodeFrame,
  encodeGrpcMessage,
  GrpcCode,
  grpcCodeOfHttpStatus,
  parseGrpcTimeout,
} from './grpc-wire.js';

const hex = (text: string) => Buffer.from(text.replace(/ /g, ''), 'hex');

describe('gRPC length-prefixed frames', () => {
  it('encodes a message behind a 0 flag and its big-endian length', () => {
    assert.deepEqual(encodeFrame(hex('0a 07 23 36 36 43 43 45 45')), hex('00 00000009 0a 07 23 36 36 43 43 45 45'));
    assert.deepEqual(encodeFrame(new Uint8Array(0)), hex('00 00000000'));
    assert.equal(encodeFrame(new Uint8Array(300)).readUInt32BE(1), 300);
  });

  const accepted = [
    { name: 'a message', body: hex('00 00000004 08 01 10 02'), message: hex('08 01 10 02') },
    { name: 'an empty message (all defaults)', body: hex('00 00000000'), message: hex('') },
    {
      name: 'a message exactly at the limit',
      body: Buffer.concat([hex('00 00000010'), Buffer.alloc(16, 1)]),
      message: Buffer.alloc(16, 1),
    },
  ];
  for (const { name, body, message } of accepted) {
    it(`decodes ${name}`, () => {
      const frame = decodeUnaryFrame(body, 16);
      assert.ok(frame.ok, JSON.stringify(frame));
      assert.deepEqual(Buffer.from(frame.message), message);
    });
  }

  it('round-trips what it encodes', () => {
    const message = Buffer.from('hello, frame');
    const frame = decodeUnaryFrame(encodeFrame(message), 4096);
    assert.ok(frame.ok);
    assert.deepEqual(Buffer.from(frame.message), message);
  });

  // Near misses: each refused with the status gRPC implementations give it, and a message saying why.
  const refused = [
    { name: 'no body at all', body: hex(''), code: GrpcCode.INTERNAL, message: /no message/ },
    {
      name: 'a truncated header',
      body: hex('00 0000'),
      code: GrpcCode.INTERNAL,
      message: /truncated frame header \(3 of 5/,
    },
    {
      name: 'a truncated message',
      body: hex('00 00000004 08 01'),
      code: GrpcCode.INTERNAL,
      message: /truncated message \(2 of 4/,
    },
    { name: 'the compressed flag set', body: hex('01 00000002 08 01'), code: GrpcCode.INTERNAL, message: /compressed/ },
    { name: 'an unknown flag', body: hex('80 00000002 08 01'), code: GrpcCode.INTERNAL, message: /frame flags 128/ },
    {
      name: 'a length one over the limit',
      body: hex('00 00000011'),
      code: GrpcCode.RESOURCE_EXHAUSTED,
      message: /17 bytes is larger than the limit of 16/,
    },
    {
      name: 'a huge length (4 GiB − 1)',
      body: hex('00 ffffffff 00'),
      code: GrpcCode.RESOURCE_EXHAUSTED,
      message: /larger than/,
    },
    {
      name: 'two messages',
      body: hex('00 00000001 08 00 00000001 08'),
      code: GrpcCode.INTERNAL,
      message: /more than one message/,
    },
    {
      name: 'a stray byte after the message',
      body: hex('00 00000001 08 00'),
      code: GrpcCode.INTERNAL,
      message: /more than one message/,
    },
  ];
  for (const { name, body, code, message } of refused) {
    it(`refuses ${name}`, () => {
      const frame = decodeUnaryFrame(body, 16);
      assert.equal(frame.ok, false);
      assert.ok(!frame.ok);
      assert.equal(frame.code, code);
      assert.match(frame.message, message);
    });
  }
});

describe('grpc-message percent-encoding', () => {
  const table = [
    { text: 'failed to get color: Color error!', wire: 'failed to get color: Color error!' },
    { text: 'error fraction 100%', wire: 'error fraction 100%25' },
    { text: 'line\nbreak', wire: 'line%0Abreak' },
    { text: 'café ☕', wire: 'caf%C3%A9 %E2%98%95' },
    { text: '', wire: '' },
  ];
  for (const { text, wire } of table) {
    it(`encodes ${JSON.stringify(text)} as ${JSON.stringify(wire)} and back`, () => {
      assert.equal(encodeGrpcMessage(text), wire);
      assert.equal(decodeGrpcMessage(wire), text);
    });
  }

  it('decodes what encodeURIComponent makes (Connect and others send that), and leaves a stray % alone', () => {
    assert.equal(
      decodeGrpcMessage(encodeURIComponent('rate limited: Rate limited (9.1 RPS > max 8 RPS)')),
      'rate limited: Rate limited (9.1 RPS > max 8 RPS)',
    );
    assert.equal(decodeGrpcMessage('100% sure %zz %4'), '100% sure %zz %4');
  });
});

describe('grpc-timeout', () => {
  const table: [string | undefined, number | undefined][] = [
    [undefined, undefined],
    ['400m', 400],
    ['2S', 2000],
    ['1M', 60_000],
    ['1H', 3_600_000],
    ['1500u', 1.5],
    ['99999999n', 99.999999],
    ['0m', 0],
  ];
  for (const [value, ms] of table) {
    it(`reads ${value ?? '(absent)'} as ${ms} ms`, () => assert.equal(parseGrpcTimeout(value), ms));
  }
  for (const bad of ['', '400', 'm', '123456789m', '-1m', '1.5S', '10s', ' 1m']) {
    it(`refuses ${JSON.stringify(bad)} (NaN)`, () => assert.ok(Number.isNaN(parseGrpcTimeout(bad))));
  }
});

describe('the gRPC status of a non-200 HTTP answer', () => {
  const table = [
    [400, GrpcCode.INTERNAL],
    [401, GrpcCode.UNAUTHENTICATED],
    [403, GrpcCode.PERMISSION_DENIED],
    [404, GrpcCode.UNIMPLEMENTED],
    [429, GrpcCode.UNAVAILABLE],
    [502, GrpcCode.UNAVAILABLE],
    [503, GrpcCode.UNAVAILABLE],
    [504, GrpcCode.UNAVAILABLE],
    [500, GrpcCode.UNKNOWN],
    [415, GrpcCode.UNKNOWN],
  ];
  for (const [status, code] of table) {
    it(`HTTP ${status} → ${code}`, () => assert.equal(grpcCodeOfHttpStatus(status ?? 0), code));
  }
});
