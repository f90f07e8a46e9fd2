// SIGTERM in the middle of a steady stream of requests from several clients: readiness turns 503
// during the drain, every request sent is answered 200 (none is reset, including those still in
// flight when the drain ends), and the process exits 0.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agent, request } from 'undici';
import { get } from '../helpers/http.js';
import { startFaces } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';

const CLIENTS = 6;
/** Per client: the stream is bounded even if readiness never turns. */
const MAX_REQUESTS_PER_CLIENT = 400;
const DRAIN_SECONDS = 2.5;
/** Like a load balancer, clients go on sending for a while after readiness turns 503: well within the drain. */
const REACTION_MS = 500;

interface Outcome {
  readonly startedMs: number;
  readonly endedMs: number;
  readonly status: number | string;
}

describe('shutdown under load', () => {
  it('answers every request of a steady stream across SIGTERM with 200, turns readiness 503 and exits 0', async (t) => {
    const smiley = await startFaces(['smiley'], {
      DRAIN_SECONDS: String(DRAIN_SECONDS),
      SHUTDOWN_TIMEOUT_SECONDS: '20',
      // Mostly fast, some slow enough to still be in flight when the drain ends and app.close() runs.
      DELAY_BUCKETS: '0,0,0,0,5,20,3000,4000',
      FACES_SEED: '7',
    });
    const agent = new Agent({ connections: CLIENTS, keepAliveTimeout: 10_000 });
    t.after(() => Promise.all([smiley.stop('SIGKILL'), agent.close()]));

    let stopSendingAtMs = Number.POSITIVE_INFINITY;
    const outcomes: Outcome[] = [];
    const client = async () => {
      for (let i = 0; i < MAX_REQUESTS_PER_CLIENT && performance.now() < stopSendingAtMs; i++) {
        const startedMs = performance.now();
        let status: number | string;
        try {
          const response = await request(`${smiley.url}/center/`, { dispatcher: agent });
          await response.body.dump();
          status = response.statusCode;
        } catch (error) {
          status = (error as { code?: string }).code ?? String(error);
        }
        outcomes.push({ startedMs, endedMs: performance.now(), status });
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    await waitUntil(
      'a steady stream to be answered',
      async () => outcomes.length,
      (count) => count >= 20,
    );

    const signalledMs = performance.now();
    const exitCode = smiley.stop('SIGTERM');
    await waitUntil(
      'readiness to turn 503',
      async () => (await get(`${smiley.url}/readyz`).catch(() => ({ status: 0 }))).status,
      (status) => status === 503,
      10_000,
      10,
    );
    stopSendingAtMs = performance.now() + REACTION_MS;
    await Promise.all(clients);

    assert.equal(await exitCode, 0);
    const failed = outcomes.filter((outcome) => outcome.status !== 200);
    assert.deepEqual(failed, [], `${failed.length} of ${outcomes.length} requests not answered 200`);
    const sentDuringDrain = outcomes.filter((o) => o.startedMs > signalledMs).length;
    // Answered after the drain, which ends DRAIN_SECONDS after the signal at the earliest.
    const acrossDrain = outcomes.filter((o) => o.endedMs > signalledMs + DRAIN_SECONDS * 1000).length;
    t.diagnostic(`${outcomes.length} requests, ${sentDuringDrain} sent after SIGTERM, ${acrossDrain} across the drain`);
    assert.ok(sentDuringDrain > 0, 'requests were sent during the drain');
    assert.ok(acrossDrain > 0, 'some requests were still in flight when the drain ended');
  });
});
