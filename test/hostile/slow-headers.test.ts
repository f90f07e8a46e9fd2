// Slowloris: header lines trickled one at a time never complete a request; the request bound
// (REQUEST_TIMEOUT_MS covers headers and body) ends it with 408 and a close.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startFaces } from '../helpers/processes.js';
import { collect, openRaw, statusesOf } from '../helpers/raw-client.js';

const REQUEST_TIMEOUT_MS = 1000;
const CLOSED_WITHIN_MS = 8000;
const MAX_HEADER_LINES = 200;

describe('slow headers', () => {
  it('a header line every 100 ms is answered 408 and closed within the bound', async (t) => {
    const smiley = await startFaces(['smiley'], { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
    t.after(() => smiley.stop('SIGKILL'));
    const socket = await openRaw(smiley.port);
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
    let lines = 0;
    const trickle = setInterval(() => {
      if (!socket.destroyed && lines < MAX_HEADER_LINES) socket.write(`X-Slow-${lines++}: 1\r\n`);
    }, 100);
    t.after(() => clearInterval(trickle));
    const seen = await collect(socket, CLOSED_WITHIN_MS);
    clearInterval(trickle);
    assert.ok(seen.closed, `still open after ${Math.round(seen.elapsedMs)} ms and ${lines} header lines`);
    assert.deepEqual(statusesOf(seen.received), [408]);
    assert.ok(seen.elapsedMs >= REQUEST_TIMEOUT_MS * 0.9, `closed after only ${Math.round(seen.elapsedMs)} ms`);
  });
});
