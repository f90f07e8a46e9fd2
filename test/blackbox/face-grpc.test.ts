// face with COLOR_SERVICE=grpc://: the same composition, propagation and failure mapping as over
// HTTP, on one long-lived HTTP/2 connection. The stub color (helpers/grpc-color-stub.ts) is
// neither face's gRPC library nor color's; the faults come from a real color.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPort, type RecordingBackend, startRecordingBackend } from '../helpers/backends.js';
import { type GrpcColorStub, startGrpcColorStub } from '../helpers/grpc-color-stub.js';
import { createAgent, get } from '../helpers/http.js';
import { type RunningService, startFaces } from '../helpers/processes.js';

const GRINNING = '&#x1F603;';
const GREEN = '#228833';
const GREY = '#BBBBBB';
const RED = '#EE6677';
const YELLOW = '#CCBB44';
const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

interface Face {
  readonly smiley: string;
  readonly color: string;
  readonly errors: string[];
}

async function getFace(url: string, agent: ReturnType<typeof createAgent>, headers: Record<string, string> = {}) {
  const answer = await get(url, { agent, headers });
  return { status: answer.status, degraded: answer.headers['x-faces-degraded'], face: JSON.parse(answer.body) as Face };
}

describe('face with a gRPC color', () => {
  const agent = createAgent(8);
  let smiley: RecordingBackend;
  let color: GrpcColorStub;
  let face: RunningService;
  before(async () => {
    smiley = await startRecordingBackend({ status: 200, body: `{"smiley":"${GRINNING}"}` });
    color = await startGrpcColorStub({ kind: 'color', color: GREEN });
    face = await startFaces(['face'], {
      SMILEY_SERVICE: smiley.url,
      COLOR_SERVICE: color.url,
      BACKEND_TIMEOUT_MS: '400',
      FACES_SEED: '1',
    });
  });
  after(async () => {
    await agent.close();
    await face?.stop();
    await Promise.all([smiley?.close(), color?.close()]);
  });

  it('composes the face, calling Center for /center/ and Edge otherwise, with the cell in the request', async () => {
    color.answer = { kind: 'color', color: GREEN };
    const center = await getFace(`${face.url}/center/?row=1&col=2`, agent);
    assert.deepEqual(center.face, { smiley: GRINNING, color: GREEN, errors: [] });
    assert.equal(center.degraded, undefined);
    assert.equal(color.calls.at(-1)?.path, '/ColorService/Center');
    await getFace(`${face.url}/face/edge/`, agent);
    assert.equal(color.calls.at(-1)?.path, '/ColorService/Edge');
    await getFace(`${face.url}/`, agent);
    assert.equal(color.calls.at(-1)?.path, '/ColorService/Edge');
  });

  it('passes x-faces-user, user-agent and the trace on as metadata, with the deadline', async () => {
    await getFace(`${face.url}/center/`, agent, {
      'x-faces-user': 'alice',
      'user-agent': 'workshop/1',
      traceparent: TRACEPARENT,
    });
    const headers = color.calls.at(-1)?.headers ?? {};
    assert.equal(headers['x-faces-user'], 'alice');
    assert.equal(headers['user-agent'], 'workshop/1');
    assert.match(String(headers.traceparent), /^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    assert.notEqual(headers.traceparent, TRACEPARENT, "face's own span is the parent");
    assert.match(String(headers['grpc-timeout']), /^\d+m$/);
    assert.equal(headers['content-type'], 'application/grpc+proto');
    await getFace(`${face.url}/center/`, agent);
    assert.equal(color.calls.at(-1)?.headers['x-faces-user'], 'unknown');
  });

  const failures = [
    {
      name: 'RESOURCE_EXHAUSTED',
      answer: { kind: 'status', code: 8, message: 'rate limited: Rate limited (9.1 RPS > max 8 RPS)' },
      color: YELLOW,
      cause: 'upstream-rate-limited',
      error:
        /^color: gRPC RESOURCE_EXHAUSTED from 127\.0\.0\.1:\d+: rate limited: Rate limited \(9\.1 RPS > max 8 RPS\)$/,
    },
    {
      name: 'INTERNAL',
      answer: { kind: 'status', code: 13, message: 'failed to get color: Color error!' },
      color: GREY,
      cause: 'upstream-error',
      error: /^color: gRPC INTERNAL from 127\.0\.0\.1:\d+: failed to get color: Color error!$/,
    },
    {
      name: 'DEADLINE_EXCEEDED from color itself',
      answer: { kind: 'status', code: 4, message: 'the deadline passed' },
      color: RED,
      cause: 'upstream-timeout',
      error: /^color: gRPC DEADLINE_EXCEEDED from /,
    },
    {
      name: 'an answer past the deadline',
      answer: { kind: 'hang' },
      color: RED,
      cause: 'upstream-timeout',
      error: /^color: no answer from 127\.0\.0\.1:\d+ within 400 ms$/,
    },
    {
      name: 'an answer without a color',
      answer: { kind: 'color', color: '' },
      color: GREY,
      cause: 'upstream-error',
      error: /^color: 127\.0\.0\.1:\d+ answered without a color$/,
    },
  ] as const;
  for (const { name, answer, color: shown, cause, error } of failures) {
    it(`shows ${shown} for ${name}, named in errors and X-Faces-Degraded`, async () => {
      color.answer = answer;
      const { status, degraded, face: body } = await getFace(`${face.url}/center/`, agent);
      color.answer = { kind: 'color', color: GREEN };
      assert.equal(status, 200);
      assert.equal(body.smiley, GRINNING);
      assert.equal(body.color, shown);
      assert.equal(body.errors.length, 1, JSON.stringify(body.errors));
      assert.match(body.errors[0] ?? '', error);
      assert.equal(degraded, `${cause};backend=color`);
    });
  }

  it('makes 200 requests over the GRPC_CONNECTIONS (4) HTTP/2 connections it opened first', async () => {
    color.answer = { kind: 'color', color: GREEN };
    // A face of its own with a deadline that 200 calls at once meet on a loaded machine: this test
    // counts connections, the deadline's tests are above.
    const roomy = await startFaces(['face'], {
      SMILEY_SERVICE: smiley.url,
      COLOR_SERVICE: color.url,
      BACKEND_TIMEOUT_MS: '5000',
      FACES_SEED: '1',
    });
    try {
      const before = color.connections();
      const answers = await Promise.all(Array.from({ length: 200 }, () => getFace(`${roomy.url}/edge/`, agent)));
      assert.deepEqual(new Set(answers.map((answer) => answer.face.color)), new Set([GREEN]));
      const opened = color.connections() - before;
      assert.equal(opened, 4, `connections before: ${before}, after: ${color.connections()}`);
    } finally {
      await roomy.stop();
    }
  });
});

describe('face with a gRPC color that is down, or a real color failing', () => {
  const agent = createAgent(4);
  let smiley: RunningService;
  const started: RunningService[] = [];
  before(async () => {
    smiley = await startFaces(['smiley'], { FACES_SEED: '1' });
  });
  after(async () => {
    await agent.close();
    await Promise.all([smiley?.stop(), ...started.map((service) => service.stop())]);
  });

  async function faceFor(colorUrl: string): Promise<RunningService> {
    const face = await startFaces(['face'], { SMILEY_SERVICE: smiley.url, COLOR_SERVICE: colorUrl, FACES_SEED: '1' });
    started.push(face);
    return face;
  }

  it('color down (nothing listens): grey, named UNAVAILABLE', async () => {
    const face = await faceFor(`grpc://127.0.0.1:${await closedPort()}`);
    const { status, degraded, face: body } = await getFace(`${face.url}/center/`, agent);
    assert.equal(status, 200);
    assert.equal(body.color, GREY);
    assert.match(body.errors[0] ?? '', /^color: gRPC UNAVAILABLE from 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    assert.equal(degraded, 'upstream-error;backend=color');
  });

  it('a real color at ERROR_FRACTION=100: grey, with its "failed to get color" message', async () => {
    const color = await startFaces(['color'], { ERROR_FRACTION: '100', FACES_SEED: '1' });
    started.push(color);
    const face = await faceFor(`grpc://127.0.0.1:${color.port}`);
    const { face: body, degraded } = await getFace(`${face.url}/center/`, agent);
    assert.equal(body.color, GREY);
    assert.match(
      body.errors[0] ?? '',
      /gRPC INTERNAL from .*: failed to get color: Color error! \(error fraction 100%\)$/,
    );
    assert.equal(degraded, 'upstream-error;backend=color');
  });

  it('a real color over MAX_RATE: yellow, rate limited', async () => {
    const color = await startFaces(['color'], { MAX_RATE: '0.1', FACES_SEED: '1' });
    started.push(color);
    const face = await faceFor(`grpc://127.0.0.1:${color.port}`);
    const first = await getFace(`${face.url}/center/`, agent);
    assert.equal(first.face.color, GREEN);
    const second = await getFace(`${face.url}/center/`, agent);
    assert.equal(second.face.color, YELLOW);
    assert.match(second.face.errors[0] ?? '', /gRPC RESOURCE_EXHAUSTED from .*: rate limited: Rate limited/);
    assert.equal(second.degraded, 'upstream-rate-limited;backend=color');
  });

  it('a real color: after it restarts on the same port, face reconnects and answers green again', async () => {
    const color = await startFaces(['color'], { FACES_SEED: '1' });
    const face = await faceFor(`grpc://127.0.0.1:${color.port}`);
    assert.equal((await getFace(`${face.url}/center/`, agent)).face.color, GREEN);
    assert.equal(await color.stop('SIGTERM'), 0);
    const again = await startFaces(['color'], { FACES_SEED: '1', PORT: String(color.port) });
    started.push(again);
    assert.equal((await getFace(`${face.url}/center/`, agent)).face.color, GREEN);
  });
});
