import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientErrorAnswer } from './client-error.js';

const CASES = [
  {
    name: 'a header block too large is 431, as Fastify answers it',
    code: 'HPE_HEADER_OVERFLOW',
    status: 'HTTP/1.1 431 Request Header Fields Too Large',
    body: '{"error":"Request Header Fields Too Large","message":"Exceeded maximum allowed HTTP header size","statusCode":431}',
  },
  {
    name: 'a request not received in time is 408',
    code: 'ERR_HTTP_REQUEST_TIMEOUT',
    status: 'HTTP/1.1 408 Request Timeout',
    body: '{"error":"Request Timeout","message":"Client Timeout","statusCode":408}',
  },
  {
    name: 'any other parse error is 400',
    code: 'HPE_INVALID_CHUNK_SIZE',
    status: 'HTTP/1.1 400 Bad Request',
    body: '{"error":"Bad Request","message":"Client Error","statusCode":400}',
  },
  {
    name: 'near-miss: a code that only looks like the overflow one is 400',
    code: 'HPE_HEADER_OVERFLOWS',
    status: 'HTTP/1.1 400 Bad Request',
    body: '{"error":"Bad Request","message":"Client Error","statusCode":400}',
  },
];

describe('clientErrorAnswer', () => {
  for (const { name, code, status, body } of CASES) {
    it(name, () => {
      const answer = clientErrorAnswer(code);
      assert.ok(answer.startsWith(`${status}\r\n`), answer);
      assert.ok(answer.endsWith(`\r\n\r\n${body}`), answer);
      assert.ok(answer.includes(`\r\nContent-Length: ${body.length}\r\n`), answer);
    });
  }
});
