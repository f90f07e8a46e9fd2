// A call color refused before processing it (RST_STREAM REFUSED_STREAM, or a GOAWAY whose
// last-stream-id is below the call's stream) is retried once, as grpc-js retries it
// transparently: no grey face. A call refused twice is not retried a second time.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { constants, createServer, type ServerHttp2Stream } from 'node:http2';
import { after, before, describe, it } from 'node:test';
import { colorFrame } from '../helpers/grpc-color-stub.js';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { askFaces, brokenOf, listenOnLoopback, SLOW_MACHINE_TIMEOUT_MS } from './grpc-client-proxy.js';

const BLUE = '#66CCEE';

type Refusal = 'refuse-first' | 'refuse-always' | 'goaway-first';

/** A gRPC color stand-in that refuses calls as told, and counts the attempts of each call (by traceparent). */
async function startRefusingColor(refusal: Refusal) {
  const attempts = new Map<string, number>();
  const server = createServer();
  const answer = (stream: ServerHttp2Stream) => {
    stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
    stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
    stream.end(colorFrame(BLUE));
  };
  // goaway-first: the last-stream-id each connection's GOAWAY gave (one GOAWAY per connection).
  const lastStreamOf = new WeakMap<object, number>();
  server.on('stream', (stream: ServerHttp2Stream, headers) => {
    stream.on('error', () => {});
    const call = String(headers.traceparent);
    const seen = (attempts.get(call) ?? 0) + 1;
    attempts.set(call, seen);
    const session = stream.session;
    const id = stream.id ?? 1;
    const last = session === undefined ? undefined : lastStreamOf.get(session);
    if (refusal === 'refuse-always' || (refusal === 'refuse-first' && seen === 1)) {
      stream.close(constants.NGHTTP2_REFUSED_STREAM);
    } else if (last !== undefined && id > last) {
      // Above the GOAWAY's last-stream-id: the client takes it as refused; nothing is answered.
    } else if (refusal === 'goaway-first' && seen === 1 && session !== undefined && last === undefined && id > 1) {
      // Refuses this stream and every later one on its connection; the earlier ones are answered.
      // (Not on stream 1: Node takes a last-stream-id of 0 for "the last one received".)
      lastStreamOf.set(session, id - 2);
      session.goaway(constants.NGHTTP2_NO_ERROR, id - 2);
    } else {
      stream.resume();
      stream.once('end', () => answer(stream));
    }
  });
  const port = await listenOnLoopback(server);
  return {
    url: `grpc://127.0.0.1:${port}`,
    attempts,
    close: async () => {
      server.close();
      await once(server, 'close');
    },
  };
}

for (const refusal of ['refuse-first', 'goaway-first', 'refuse-always'] as const) {
  describe(`face's gRPC client and a color that answers ${refusal}`, () => {
    let color: Awaited<ReturnType<typeof startRefusingColor>>;
    let smiley: RunningService;
    let face: RunningService;
    before(async () => {
      color = await startRefusingColor(refusal);
      smiley = await startFaces(['smiley'], { FACES_SEED: '1' });
      face = await startFaces(['face'], {
        FACES_SEED: '1',
        SMILEY_SERVICE: smiley.url,
        COLOR_SERVICE: color.url,
        BACKEND_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS,
      });
    });
    after(async () => {
      await face?.stop(); // face first: its connections then close, and the stand-in can close
      await Promise.all([color?.close(), smiley?.stop()]);
    });

    if (refusal === 'refuse-always') {
      it('retries a refused call once, not twice, and then shows the failure', async () => {
        const answers = await askFaces(face.url, 40, 4);
        assert.equal(brokenOf(answers).length, answers.length);
        assert.match(brokenOf(answers)[0] ?? '', /UNAVAILABLE/);
        assert.deepEqual(new Set(color.attempts.values()), new Set([2]));
      });
    } else {
      it('retries each refused call once, and every face is whole', async () => {
        const answers = await askFaces(face.url, 100, 4);
        assert.deepEqual(brokenOf(answers), []);
        // Some calls were refused and sent again, none more than once.
        assert.equal(Math.max(...color.attempts.values()), 2);
      });
    }
  });
}
