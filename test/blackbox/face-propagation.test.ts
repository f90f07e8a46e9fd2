import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RecordingBackend, startRecordingBackend } from '../helpers/backends.js';
import { createAgent, get, getMany } from '../helpers/http.js';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait-until.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** Waits for a condition with a generous bound (log lines arrive asynchronously). */
describe('what face passes on to its backends', () => {
  const agent = createAgent(8);
  let smiley: RecordingBackend;
  let color: RecordingBackend;
  let face: RunningService;

  before(async () => {
    [smiley, color] = await Promise.all([
      startRecordingBackend({ status: 200, body: '{"smiley":"&#x1F603;"}' }),
      startRecordingBackend({ status: 200, body: '{"color":"#228833"}' }),
    ]);
    face = await startFaces(['face'], {
      SMILEY_SERVICE: smiley.url,
      COLOR_SERVICE: color.url,
      LOG_LEVEL: 'debug',
      FACES_SEED: '1',
    });
  });
  after(async () => {
    await agent.close();
    await face?.stop();
    await Promise.all([smiley?.close(), color?.close()]);
  });

  /** The request each backend received for one GET on face. */
  async function callFace(path: string, headers: Record<string, string> = {}) {
    const before = [smiley.requests.length, color.requests.length];
    const answer = await get(`${face.url}${path}`, { agent, headers });
    assert.equal(answer.status, 200);
    const received = [smiley.requests[before[0] ?? 0], color.requests[before[1] ?? 0]];
    assert.equal(smiley.requests.length, (before[0] ?? 0) + 1, 'smiley called once');
    assert.equal(color.requests.length, (before[1] ?? 0) + 1, 'color called once');
    return received.map((request) => {
      assert.ok(request !== undefined);
      return request;
    });
  }

  it('passes X-Faces-User: testuser and the User-Agent to both backends', async () => {
    const received = await callFace('/center/', { 'x-faces-user': 'testuser', 'user-agent': 'workshop-browser/1.0' });
    for (const request of received) {
      assert.equal(request.headers['x-faces-user'], 'testuser');
      assert.equal(request.headers['user-agent'], 'workshop-browser/1.0');
    }
  });

  it('sends user unknown when the caller names none', async () => {
    for (const request of await callFace('/center/')) assert.equal(request.headers['x-faces-user'], 'unknown');
  });

  const paths = [
    { asked: '/center/', sent: '/center/' },
    { asked: '/edge/?row=1&col=2', sent: '/edge/?row=1&col=2' },
    { asked: '/face/edge/', sent: '/edge/' },
    { asked: '/', sent: '/' },
    { asked: '/centre/', sent: '/' },
  ];
  for (const { asked, sent } of paths) {
    it(`asks both backends for ${sent} when asked for ${asked}`, async () => {
      for (const request of await callFace(asked)) assert.equal(request.url, sent);
    });
  }

  it("continues the caller's trace with face's own parent id, and logs the trace id", async () => {
    const incoming = `00-${TRACE_ID}-${CALLER_SPAN}-01`;
    const received = await callFace('/center/?trace=1', { traceparent: incoming, tracestate: 'vendor=1' });
    for (const request of received) {
      const match = TRACEPARENT.exec(String(request.headers.traceparent));
      assert.ok(match, `traceparent ${request.headers.traceparent}`);
      assert.equal(match[1], TRACE_ID);
      assert.notEqual(match[2], CALLER_SPAN);
      assert.equal(match[3], '01');
      assert.equal(request.headers.tracestate, 'vendor=1');
    }
    await waitFor('the request log line with the trace id', () =>
      face.lines.some((line) => line.includes('"url":"/center/?trace=1"') && line.includes(`"trace_id":"${TRACE_ID}"`)),
    );
  });

  it('starts a new trace when the caller sends none, the same one to both backends', async () => {
    const [toSmiley, toColor] = await callFace('/center/');
    const smileyTrace = TRACEPARENT.exec(String(toSmiley?.headers.traceparent));
    const colorTrace = TRACEPARENT.exec(String(toColor?.headers.traceparent));
    assert.ok(smileyTrace && colorTrace);
    assert.equal(smileyTrace[1], colorTrace[1]);
    assert.notEqual(smileyTrace[1], TRACE_ID);
    assert.equal(toSmiley?.headers.tracestate, undefined);
  });

  it('reuses its connections to each backend: far fewer accepted sockets than requests', async () => {
    const before = [smiley.accepted(), color.accepted()];
    const statuses = await getMany(`${face.url}/center/`, 300, 4, agent);
    assert.ok(statuses.every((status) => status === 200));
    const opened = [smiley.accepted() - (before[0] ?? 0), color.accepted() - (before[1] ?? 0)];
    // Four requests at a time need at most four connections each; a dial per request would be 300.
    for (const count of opened) assert.ok(count <= 8, `opened ${opened.join(' and ')} connections for 300 requests`);
  });
});
