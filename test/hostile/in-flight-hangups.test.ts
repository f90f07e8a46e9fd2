// Clients that hang up before their answer must not leak http_requests_in_flight, and their
// requests are still recorded in http_request_duration_seconds, with status 499.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { get } from '../helpers/http.js';
import { startFaces } from '../helpers/processes.js';
import { parsePrometheus, type Sample, sumOf } from '../helpers/prometheus.js';
import { openRaw } from '../helpers/raw-client.js';
import { waitUntil } from '../helpers/wait-until.js';

const HANGUPS = 20;

describe('requests whose client hangs up', () => {
  it(`${HANGUPS} clients hanging up before a slow answer leave in-flight at 0 and are counted as 499`, async (t) => {
    const smiley = await startFaces(['smiley'], { DELAY_BUCKETS: '3000' });
    t.after(() => smiley.stop('SIGKILL'));
    const scrape = async (): Promise<Sample[]> => parsePrometheus((await get(`${smiley.url}/metrics`)).body);

    const sockets = await Promise.all(Array.from({ length: HANGUPS }, () => openRaw(smiley.port)));
    t.after(() => {
      for (const socket of sockets) socket.destroy();
    });
    for (const socket of sockets) socket.write('GET /center/ HTTP/1.1\r\nHost: localhost\r\n\r\n');
    // The scrape itself is in flight while it is answered.
    await waitUntil(
      `${HANGUPS} requests in flight`,
      async () => sumOf(await scrape(), 'http_requests_in_flight'),
      (count) => count === HANGUPS + 1,
    );
    for (const socket of sockets) socket.destroy();

    await waitUntil(
      'in-flight to return to the scrape alone',
      async () => sumOf(await scrape(), 'http_requests_in_flight'),
      (count) => count === 1,
    );
    const samples = await scrape();
    assert.equal(sumOf(samples, 'http_request_duration_seconds_count', { status: '499' }), HANGUPS);
    assert.equal(sumOf(samples, 'http_request_duration_seconds_count', { status: '200', path: '/*' }), 0);
  });
});
