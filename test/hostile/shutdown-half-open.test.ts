// Connections with no request in progress must not hold a graceful shutdown open: one that sent
// nothing, one that sent half a request and one idle after its answer are closed at the end of
// the drain, while a request in progress still gets its 200 and the process exits 0.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { get } from '../helpers/http.js';
import { startFaces } from '../helpers/processes.js';
import { parsePrometheus, sumOf } from '../helpers/prometheus.js';
import { collect, openRaw, statusesOf } from '../helpers/raw-client.js';
import { waitUntil } from '../helpers/wait-until.js';

const SHUTDOWN_TIMEOUT_SECONDS = 30;
const DELAY_MS = 1500;

describe('shutdown with half-open connections', () => {
  it('closes silent, half-sent and idle connections at the end of the drain and exits 0', async (t) => {
    const smiley = await startFaces(['smiley'], {
      DRAIN_SECONDS: '0.5',
      SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS),
      DELAY_BUCKETS: String(DELAY_MS),
      // Far past the shutdown timeout: only the shutdown itself can close these connections.
      REQUEST_TIMEOUT_MS: '120000',
      KEEP_ALIVE_TIMEOUT_MS: '120000',
    });
    t.after(() => smiley.stop('SIGKILL'));

    const idle = await openRaw(smiley.port);
    idle.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const idleAnswered = waitUntil(
      'the idle connection to be answered',
      async () => idle.bytesRead,
      (bytes) => bytes > 0,
    );
    const silent = await openRaw(smiley.port);
    const halfSent = await openRaw(smiley.port);
    halfSent.write('GET /center/ HTTP/1.1\r\nHost: local');
    await idleAnswered;
    const seenIdle = collect(idle, SHUTDOWN_TIMEOUT_SECONDS * 1000 + 5000);
    const seenSilent = collect(silent, SHUTDOWN_TIMEOUT_SECONDS * 1000 + 5000);
    const seenHalfSent = collect(halfSent, SHUTDOWN_TIMEOUT_SECONDS * 1000 + 5000);

    const inProgress = get(`${smiley.url}/center/`);
    await waitUntil(
      'the slow request to be in flight',
      async () => sumOf(parsePrometheus((await get(`${smiley.url}/metrics`)).body), 'http_requests_in_flight'),
      // The scrape itself is in flight while it is answered.
      (count) => count >= 2,
    );
    const signalled = performance.now();
    const exitCode = await smiley.stop('SIGTERM');
    const exitedAfterMs = performance.now() - signalled;

    assert.equal(exitCode, 0, `exit code ${exitCode} after ${Math.round(exitedAfterMs)} ms`);
    assert.ok(exitedAfterMs < SHUTDOWN_TIMEOUT_SECONDS * 1000, `exited after ${Math.round(exitedAfterMs)} ms`);
    assert.equal((await inProgress).status, 200);
    for (const [name, seen] of [
      ['idle', await seenIdle],
      ['silent', await seenSilent],
      ['half-sent', await seenHalfSent],
    ] as const) {
      assert.ok(seen.closed, `${name} connection still open`);
    }
    assert.deepEqual(statusesOf((await seenIdle).received), [200], 'the idle connection got its one answer');
  });
});
