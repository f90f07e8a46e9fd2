// Case 4 of issue 19: no gRPC call holds color longer than REQUEST_TIMEOUT_MS for want of its
// client: a request that never ends (headers only, or a truncated message) is answered
// DEADLINE_EXCEEDED and its stream closed; a reply the client grants no window for is reset
// (RST_STREAM CANCEL). Without grpc-timeout, as with one.
import assert from 'node:assert/strict';
import { constants } from 'node:http2';
import { describe, it } from 'node:test';
import { startFaces } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';
import { answerOf, fullCall, heldCall, inFlight, openSession } from './h2-peer.js';

const TIMEOUT_MS = 500;
const DEADLINE_EXCEEDED = '4';

describe(`gRPC calls whose client holds them (REQUEST_TIMEOUT_MS=${TIMEOUT_MS})`, () => {
  it('headers only, or a truncated message: DEADLINE_EXCEEDED, the stream closed, in-flight back', {
    timeout: 30_000,
  }, async (t) => {
    const color = await startFaces(['color'], { REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) });
    t.after(() => color.stop('SIGKILL'));
    const session = await openSession(color.port);
    t.after(() => session.destroy());
    const headersOnly = heldCall(session);
    const truncated = heldCall(session);
    truncated.write(Buffer.from([0, 0, 0, 0, 9, 1]));
    const withTimeout = heldCall(session, undefined, { 'grpc-timeout': '99999999H' });
    const answers = await Promise.all([answerOf(headersOnly), answerOf(truncated), answerOf(withTimeout)]);
    for (const answer of answers) assert.equal(answer.status, DEADLINE_EXCEEDED, JSON.stringify(answers));
    await waitUntil(
      'in-flight back to the scrape alone',
      () => inFlight(color.url),
      (count) => count === 1,
    );
  });

  it('a reply the client grants no flow-control window: the stream is reset, in-flight back', {
    timeout: 30_000,
  }, async (t) => {
    const color = await startFaces(['color'], { REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) });
    t.after(() => color.stop('SIGKILL'));
    const session = await openSession(color.port, { settings: { initialWindowSize: 0 } });
    t.after(() => session.destroy());
    const stalled = fullCall(session);
    const answer = await answerOf(stalled);
    assert.equal(answer.rst, constants.NGHTTP2_CANCEL);
    await waitUntil(
      'in-flight back to the scrape alone',
      () => inFlight(color.url),
      (count) => count === 1,
    );
  });
});
