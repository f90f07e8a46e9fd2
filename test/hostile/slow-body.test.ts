// A client that sends its headers and then trickles the body must not hold a connection: the
// whole request is bounded by REQUEST_TIMEOUT_MS, then the service answers 408 and closes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { get } from '../helpers/http.js';
import { startFaces } from '../helpers/processes.js';
import { parsePrometheus, sumOf } from '../helpers/prometheus.js';
import { collect, openRaw, statusesOf } from '../helpers/raw-client.js';
import { waitUntil } from '../helpers/wait-until.js';

const REQUEST_TIMEOUT_MS = 1000;
/** Generous on a busy 2-core machine: the bound is the timeout plus Node's check interval. */
const CLOSED_WITHIN_MS = 8000;
const BODY_LENGTH = 100;

describe('slow request bodies', () => {
  for (const service of ['smiley', 'color', 'face', 'gui']) {
    it(`${service} answers a body trickled a byte at a time with 408 and closes`, async (t) => {
      const running = await startFaces([service], { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
      t.after(() => running.stop('SIGKILL'));
      const socket = await openRaw(running.port);
      socket.write(
        `POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: ${BODY_LENGTH}\r\n\r\n`,
      );
      // One byte every 100 ms: always less than the whole body before the bound, so the request
      // never completes and only the timeout can end it.
      let sent = 0;
      const trickle = setInterval(() => {
        if (!socket.destroyed && sent < BODY_LENGTH - 1) {
          socket.write('x');
          sent++;
        }
      }, 100);
      t.after(() => clearInterval(trickle));
      const seen = await collect(socket, CLOSED_WITHIN_MS);
      clearInterval(trickle);
      assert.ok(seen.closed, `still open after ${Math.round(seen.elapsedMs)} ms, ${sent} body bytes sent`);
      assert.deepEqual(statusesOf(seen.received), [408]);
      assert.ok(seen.elapsedMs >= REQUEST_TIMEOUT_MS * 0.9, `closed after only ${Math.round(seen.elapsedMs)} ms`);
      // The request reached the kit before its body: it is recorded as timed out, and not left in flight.
      const samples = parsePrometheus((await get(`${running.url}/metrics`)).body);
      assert.equal(sumOf(samples, 'http_request_duration_seconds_count', { method: 'POST', status: '408' }), 1);
      await waitUntil(
        'in-flight to be the scrape alone',
        async () => sumOf(parsePrometheus((await get(`${running.url}/metrics`)).body), 'http_requests_in_flight'),
        (count) => count === 1,
      );
    });
  }
});
