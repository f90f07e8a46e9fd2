import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { get } from '../helpers/http.js';
import { type Stack, startStack } from '../helpers/stack.js';
import { endsWithSentinel, exchangeUntil, SENTINEL } from './wire.js';

/** A second request smuggled after (or inside) the first: only a desync would answer it (405). */
const HIDDEN = 'DELETE /hidden HTTP/1.1\r\nHost: faces\r\n\r\n';
const HIDDEN_STATUS = 405;

/**
 * - rejected: llhttp refuses the headers: one 400, then the server closes.
 * - closed: the headers pass but the body's framing is broken: at most one answer, then the server closes.
 * - served (near-misses): well-formed; one answer, and the sentinel after it answered in step.
 */
type Expected = 'rejected' | 'closed' | 'served';

interface Case {
  readonly name: string;
  readonly request: string;
  readonly expected: Expected;
}

const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;

const CASES: readonly Case[] = [
  {
    name: 'Content-Length and Transfer-Encoding together (CL.TE)',
    request:
      head(['POST / HTTP/1.1', 'Host: faces', 'Content-Length: 5', 'Transfer-Encoding: chunked']) +
      `0\r\n\r\n${HIDDEN}`,
    expected: 'rejected',
  },
  {
    name: 'Transfer-Encoding before Content-Length (TE.CL)',
    request:
      head(['POST / HTTP/1.1', 'Host: faces', 'Transfer-Encoding: chunked', 'Content-Length: 3']) +
      `0\r\n\r\n${HIDDEN}`,
    expected: 'rejected',
  },
  {
    name: 'two Content-Lengths with different values',
    request: head(['GET / HTTP/1.1', 'Host: faces', 'Content-Length: 0', `Content-Length: ${HIDDEN.length}`]) + HIDDEN,
    expected: 'rejected',
  },
  {
    name: 'two equal Content-Lengths',
    request: `${head(['GET / HTTP/1.1', 'Host: faces', 'Content-Length: 3', 'Content-Length: 3'])}abc`,
    expected: 'rejected',
  },
  {
    name: 'Transfer-Encoding: chunked, identity',
    request: `${head(['POST / HTTP/1.1', 'Host: faces', 'Transfer-Encoding: chunked, identity'])}0\r\n\r\n${HIDDEN}`,
    expected: 'rejected',
  },
  {
    name: 'Transfer-Encoding sent twice (chunked, then identity)',
    request:
      head(['GET / HTTP/1.1', 'Host: faces', 'Transfer-Encoding: chunked', 'Transfer-Encoding: identity']) +
      `0\r\n\r\n${HIDDEN}`,
    expected: 'rejected',
  },
  {
    name: 'Transfer-Encoding folded onto a continuation line (" chunked")',
    request: `${head(['GET / HTTP/1.1', 'Host: faces', 'Transfer-Encoding:', ' chunked'])}0\r\n\r\n${HIDDEN}`,
    expected: 'rejected',
  },
  {
    name: 'a header line starting with a space (" Transfer-Encoding: chunked")',
    request: `${head(['GET / HTTP/1.1', 'Host: faces', ' Transfer-Encoding: chunked'])}0\r\n\r\n${HIDDEN}`,
    expected: 'rejected',
  },
  {
    name: 'a space before the colon (Content-Length : n)',
    request: head(['GET / HTTP/1.1', 'Host: faces', `Content-Length : ${HIDDEN.length}`]) + HIDDEN,
    expected: 'rejected',
  },
  {
    name: 'a negative Content-Length',
    request: head(['GET / HTTP/1.1', 'Host: faces', 'Content-Length: -1']) + HIDDEN,
    expected: 'rejected',
  },
  {
    name: 'a Content-Length that is not digits (1e3)',
    request: head(['GET / HTTP/1.1', 'Host: faces', 'Content-Length: 1e3']) + HIDDEN,
    expected: 'rejected',
  },
  {
    name: 'bare LF line endings',
    request: `GET / HTTP/1.1\nHost: faces\nContent-Length: ${HIDDEN.length}\n\n${HIDDEN}`,
    expected: 'rejected',
  },
  {
    name: 'Transfer-Encoding: xchunked (not chunked, no length)',
    request: `${head(['GET / HTTP/1.1', 'Host: faces', 'Transfer-Encoding: xchunked'])}0\r\n\r\n${HIDDEN}`,
    expected: 'closed',
  },
  {
    name: 'a chunk size that is not hex',
    request: `${head(['GET / HTTP/1.1', 'Host: faces', 'Transfer-Encoding: chunked'])}zz\r\nab\r\n0\r\n\r\n${HIDDEN}`,
    expected: 'closed',
  },
  {
    name: 'a negative chunk size',
    request: `${head(['GET / HTTP/1.1', 'Host: faces', 'Transfer-Encoding: chunked'])}-1\r\nab\r\n0\r\n\r\n${HIDDEN}`,
    expected: 'closed',
  },
  {
    name: 'a chunk size beyond 64 bits',
    request:
      head(['GET / HTTP/1.1', 'Host: faces', 'Transfer-Encoding: chunked']) +
      `1ffffffffffffffff\r\nab\r\n0\r\n\r\n${HIDDEN}`,
    expected: 'closed',
  },
  {
    name: 'chunk framing with bare LF',
    request: `${head(['GET / HTTP/1.1', 'Host: faces', 'Transfer-Encoding: chunked'])}5\nhello\n0\n\n${HIDDEN}`,
    expected: 'closed',
  },
  {
    name: 'near-miss: a request inside a body framed by Content-Length is body, not a request',
    request: head(['GET / HTTP/1.1', 'Host: faces', `Content-Length: ${HIDDEN.length}`]) + HIDDEN + SENTINEL,
    expected: 'served',
  },
  {
    name: 'near-miss: a well-formed chunked body with a chunk extension',
    request:
      head(['GET / HTTP/1.1', 'Host: faces', 'Transfer-Encoding: chunked']) +
      `5;ext=1\r\nhello\r\n0\r\n\r\n${SENTINEL}`,
    expected: 'served',
  },
  {
    name: 'near-miss: Transfer-Encoding with extra whitespace around chunked',
    request: `${head(['GET / HTTP/1.1', 'Host: faces', 'Transfer-Encoding:   chunked  '])}0\r\n\r\n${SENTINEL}`,
    expected: 'served',
  },
];

const SERVICES = ['smiley', 'color', 'face', 'gui'] as const;

describe('request smuggling shapes over raw sockets, to every service', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack?.stop());

  for (const { name, request, expected } of CASES) {
    it(`${expected}: ${name}`, async () => {
      for (const service of SERVICES) {
        const { port } = stack[service];
        const seen = await exchangeUntil(port, request, endsWithSentinel, 5_000);
        const what = `${service}: got ${JSON.stringify(seen.statuses)}, closed ${seen.closed}\n${seen.received.toString('latin1')}`;
        assert.ok(!seen.statuses.includes(HIDDEN_STATUS), `the hidden request was answered; ${what}`);
        if (expected === 'rejected') {
          assert.deepEqual(seen.statuses, [400], what);
          assert.ok(seen.closed, `the server kept the connection; ${what}`);
        } else if (expected === 'closed') {
          assert.ok(seen.statuses.length <= 1, `more than one answer to one request; ${what}`);
          assert.ok(seen.closed, `the server kept the connection; ${what}`);
        } else {
          assert.deepEqual(seen.statuses, [200, 200], what);
          assert.ok(seen.satisfied, `the sentinel was not answered in step; ${what}`);
        }
      }
    });
  }

  it('every service still answers /healthz afterwards', async () => {
    for (const service of SERVICES) {
      assert.equal((await get(`${stack[service].url}/healthz`)).status, 200, service);
    }
  });
});
