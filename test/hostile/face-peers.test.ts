import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Agent, request } from 'undici';
import { waitUntil } from '../helpers/grid.js';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { flood, type HostilePeer, type PeerBehaviour, startClosingPeer, startHostilePeer } from './fake-peers.js';
import { MiB, rssBytes } from './memory.js';

const GRINNING = '&#x1F603;';
const CURSING = '&#x1F92C;';
const SLEEPING = '&#x1F634;';
const GREY = '#BBBBBB';
const TIMEOUT_MS = 400;
/** face's answer deadline: its backend timeout, plus a noisy machine's slack. */
const ANSWER_WITHIN_MS = TIMEOUT_MS + 3_000;

const OK_BODY = '{"smiley":"&#x1F603;","color":"#228833"}';
const KIB_64 = Buffer.alloc(64 * 1024, 'a');

/** smiley's behaviours, by the query's `peer`; color is a peer that closes every connection at once. */
const BEHAVIOURS: Readonly<Record<string, PeerBehaviour>> = {
  // One request per connection: the peer reads only the first request line.
  ok: (socket) => {
    socket.end(
      `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: ${OK_BODY.length}\r\n\r\n${OK_BODY}`,
    );
  },
  hung: () => {},
  garbage: (socket) => {
    socket.write(Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 0x0d, 0x0a, 0x0d, 0x0a, 0x7f, 0x80]));
  },
  'flood-chunked': (socket) => {
    socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n');
    flood(socket, Buffer.concat([Buffer.from('10000\r\n'), KIB_64, Buffer.from('\r\n')]));
  },
  'flood-length': (socket) => {
    socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${10 * 1024 * MiB}\r\n\r\n`);
    flood(socket, KIB_64);
  },
  'huge-headers': (socket) => {
    socket.write('HTTP/1.1 200 OK\r\n');
    flood(socket, Buffer.from(`x-flood: ${'a'.repeat(8_000)}\r\n`));
  },
  close: (socket) => socket.destroy(),
};

interface Case {
  readonly peer: keyof typeof BEHAVIOURS;
  readonly smiley: string;
}

const CASES: readonly Case[] = [
  { peer: 'hung', smiley: SLEEPING },
  { peer: 'garbage', smiley: CURSING },
  { peer: 'flood-chunked', smiley: CURSING },
  { peer: 'flood-length', smiley: CURSING },
  { peer: 'huge-headers', smiley: CURSING },
  { peer: 'close', smiley: CURSING },
  // Near-miss: a well-behaved smiley is shown as it is.
  { peer: 'ok', smiley: GRINNING },
];

interface Face {
  smiley: string;
  color: string;
  errors: string[];
}

async function askFace(url: string, agent: Agent): Promise<{ status: number; face: Face; ms: number }> {
  const started = performance.now();
  const response = await request(url, { dispatcher: agent, headersTimeout: 15_000, bodyTimeout: 15_000 });
  const face = (await response.body.json()) as Face;
  return { status: response.statusCode, face, ms: performance.now() - started };
}

describe('face with hung, garbage and flooding backends', () => {
  const agent = new Agent({ connections: 16 });
  let smiley: HostilePeer;
  let color: { address: string; close(): Promise<void> };
  let face: RunningService;
  before(async () => {
    [smiley, color] = await Promise.all([startHostilePeer(BEHAVIOURS), startClosingPeer()]);
    face = await startFaces(['face'], {
      SMILEY_SERVICE: smiley.address,
      COLOR_SERVICE: color.address,
      BACKEND_TIMEOUT_MS: String(TIMEOUT_MS),
      FACES_SEED: '7',
    });
  });
  after(async () => {
    await agent.close();
    await face?.stop('SIGKILL');
    await Promise.all([smiley?.close(), color?.close()]);
  });

  for (const { peer, smiley: expected } of CASES) {
    it(`a ${peer} smiley, and a color that closes at once: face answers the degraded face in time`, async () => {
      const { status, face: body, ms } = await askFace(`${face.url}/center/?peer=${peer}`, agent);
      const what = `${peer}: ${status} ${JSON.stringify(body)} in ${Math.round(ms)} ms`;
      assert.equal(status, 200, what);
      assert.equal(body.smiley, expected, what);
      assert.equal(body.color, GREY, what);
      assert.ok(ms < ANSWER_WITHIN_MS, what);
      const smileyErrors = body.errors.filter((error) => error.startsWith('smiley:'));
      assert.equal(smileyErrors.length, expected === GRINNING ? 0 : 1, what);
      assert.equal(body.errors.filter((error) => error.startsWith('color:')).length, 1, what);
    });
  }

  it('stays up, and its memory does not balloon, after 6 rounds of every peer three times at once', async () => {
    const rssBefore = await rssBytes(face.child.pid);
    const round = [...CASES, ...CASES, ...CASES];
    for (let index = 0; index < 6; index++) {
      const answers = await Promise.all(round.map(({ peer }) => askFace(`${face.url}/edge/?peer=${peer}`, agent)));
      assert.deepEqual(
        answers.map((answer) => answer.face.smiley),
        round.map((c) => c.smiley),
        `round ${index}`,
      );
    }
    const grown = (await rssBytes(face.child.pid)) - rssBefore;
    assert.ok(grown < 64 * MiB, `face RSS grew by ${(grown / MiB).toFixed(1)} MiB`);
    const health = await request(`${face.url}/healthz`, { dispatcher: agent });
    await health.body.dump();
    assert.equal(health.statusCode, 200);
  });

  it('on SIGTERM with a hung backend connection open, answers the request in flight and exits 0', async () => {
    const linesBefore = smiley.requestLines.length;
    const inFlight = askFace(`${face.url}/center/?peer=hung`, agent);
    await waitUntil(() => smiley.requestLines.length > linesBefore, 'the hung smiley to read the request', 10_000);
    const exited = face.stop('SIGTERM');
    const { status, face: body } = await inFlight;
    assert.equal(status, 200);
    assert.equal(body.smiley, SLEEPING);
    const deadline = new Promise<string>((resolve) => setTimeout(resolve, 15_000, 'no exit in 15 s').unref());
    assert.equal(await Promise.race([exited, deadline]), 0);
    await waitUntil(() => smiley.open() === 0, "face's connections to the hung smiley to close", 5_000);
  });
});
