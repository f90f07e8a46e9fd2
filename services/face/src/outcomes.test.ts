import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Outcome } from './compose.js';
import { failureForStatus, outcomeOfAnswer, outcomeOfError, reasonFromBody } from './outcomes.js';

describe('failureForStatus', () => {
  const cases: { status: number; expected: string }[] = [
    { status: 504, expected: 'timeout' },
    { status: 503, expected: 'error' },
    { status: 429, expected: 'rate-limited' },
    { status: 428, expected: 'error' },
    { status: 500, expected: 'error' },
    { status: 599, expected: 'error' },
    { status: 404, expected: 'error' },
    { status: 301, expected: 'error' },
  ];
  for (const { status, expected } of cases) {
    it(`counts ${status} as ${expected}`, () => assert.equal(failureForStatus(status), expected));
  }
});

describe('outcomeOfAnswer', () => {
  const where = '127.0.0.1:9';
  const cases: { name: string; backend: 'smiley' | 'color'; status: number; body: string; expected: Outcome }[] = [
    {
      name: 'a 200 with the field is the value',
      backend: 'smiley',
      status: 200,
      body: '{"smiley":"&#x1F603;"}',
      expected: { kind: 'ok', value: '&#x1F603;' },
    },
    {
      name: 'extra fields do not matter',
      backend: 'color',
      status: 200,
      body: '{"color":"#228833","pod":"x"}',
      expected: { kind: 'ok', value: '#228833' },
    },
    {
      name: 'a 200 without the field is an error',
      backend: 'color',
      status: 200,
      body: '{"smiley":"&#x1F603;"}',
      expected: { kind: 'error', detail: `${where} answered 200 without a "color" string` },
    },
    {
      name: 'an empty field is an error',
      backend: 'smiley',
      status: 200,
      body: '{"smiley":""}',
      expected: { kind: 'error', detail: `${where} answered 200 without a "smiley" string` },
    },
    {
      name: 'a field that is not a string is an error',
      backend: 'smiley',
      status: 200,
      body: '{"smiley":42}',
      expected: { kind: 'error', detail: `${where} answered 200 without a "smiley" string` },
    },
    {
      name: 'a body that is not JSON is an error',
      backend: 'smiley',
      status: 200,
      body: '<html>',
      expected: { kind: 'error', detail: `${where} answered 200 with a body that is not JSON` },
    },
    {
      name: 'JSON null is an error',
      backend: 'smiley',
      status: 200,
      body: 'null',
      expected: { kind: 'error', detail: `${where} answered 200 without a "smiley" string` },
    },
    {
      name: "a 500 is an error quoting the backend's reason",
      backend: 'smiley',
      status: 500,
      body: '{"errors":["Smiley error! (error fraction 100%)"]}',
      expected: { kind: 'error', detail: `${where} answered 500: Smiley error! (error fraction 100%)` },
    },
    {
      name: 'a 599 is an error',
      backend: 'color',
      status: 599,
      body: '{"errors":["Latched into error state"]}',
      expected: { kind: 'error', detail: `${where} answered 599: Latched into error state` },
    },
    {
      name: 'a 504 is a timeout',
      backend: 'smiley',
      status: 504,
      body: '',
      expected: { kind: 'timeout', detail: `${where} answered 504` },
    },
    {
      name: 'a 429 is rate-limited, even with a valid-looking body',
      backend: 'color',
      status: 429,
      body: '{"color":"#228833"}',
      expected: { kind: 'rate-limited', detail: `${where} answered 429: {"color":"#228833"}` },
    },
  ];
  for (const { name, backend, status, body, expected } of cases) {
    it(name, () => assert.deepEqual(outcomeOfAnswer(backend, where, status, body), expected));
  }
});

describe('reasonFromBody', () => {
  it('prefers errors, then error, then the text, shortened', () => {
    assert.equal(reasonFromBody('{"errors":["a","b"]}'), 'a; b');
    assert.equal(reasonFromBody('{"error":"Not Found"}'), 'Not Found');
    assert.equal(reasonFromBody(' upstream connect error '), 'upstream connect error');
    assert.equal(reasonFromBody(''), '');
    assert.equal(reasonFromBody('x'.repeat(300)).length, 201);
  });
});

describe('outcomeOfError', () => {
  const error = (code: string, message = 'boom') => Object.assign(new Error(message), { code });
  it('counts a refused connection as an error naming the cause', () => {
    assert.deepEqual(outcomeOfError('color:80', error('ECONNREFUSED')), {
      kind: 'error',
      detail: 'cannot get an answer from color:80: connection refused (ECONNREFUSED)',
    });
  });
  for (const code of ['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']) {
    it(`counts ${code} as a timeout`, () => assert.equal(outcomeOfError('x:1', error(code)).kind, 'timeout'));
  }
  it('counts an unknown failure as an error with its message', () => {
    assert.deepEqual(outcomeOfError('x:1', error('EWEIRD', 'weird')), {
      kind: 'error',
      detail: 'cannot get an answer from x:1: weird (EWEIRD)',
    });
  });
});
