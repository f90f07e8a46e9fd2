// A color rollout as Kubernetes does it: a second color starts, new connections go to it, and
// the first drains (GOAWAY to its connections at the end of the drain) and exits. face under
// load through it shows no degraded face: refused calls are retried on a fresh connection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';
import {
  askFaces,
  brokenOf,
  type FaceAnswer,
  SLOW_MACHINE_TIMEOUT_MS,
  startTcpProxy,
  type TcpProxy,
} from './grpc-client-proxy.js';

const BLUE = '#66CCEE';
const GREEN = '#228833';
const ROLLOUTS = 3;

describe("face's gRPC client across color rollouts", () => {
  const colors: RunningService[] = [];
  let smiley: RunningService;
  let proxy: TcpProxy;
  let face: RunningService;
  const startColor = async (name: string) => {
    const color = await startFaces(['color'], { FACES_SEED: '1', COLOR: name, DRAIN_SECONDS: '0' });
    colors.push(color);
    return color;
  };
  before(async () => {
    smiley = await startFaces(['smiley'], { FACES_SEED: '1' });
    proxy = await startTcpProxy([(await startColor('blue')).port]);
    face = await startFaces(['face'], {
      FACES_SEED: '1',
      SMILEY_SERVICE: smiley.url,
      COLOR_SERVICE: proxy.url,
      BACKEND_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS,
    });
  });
  after(async () => {
    await face?.stop();
    await proxy?.close();
    await Promise.all([smiley?.stop(), ...colors.map((color) => color.stop())]);
  });

  it(`shows no degraded face while color is rolled out ${ROLLOUTS} times under load`, async () => {
    const answers: FaceAnswer[] = [];
    let loading = true;
    const load = (async () => {
      while (loading) answers.push(...(await askFaces(face.url, 32, 16)));
    })();
    try {
      let old = colors[0] as RunningService;
      for (let round = 1; round <= ROLLOUTS; round++) {
        const color = round % 2 === 1 ? GREEN : BLUE;
        const next = await startColor(color === GREEN ? 'green' : 'blue');
        const before = answers.length;
        await waitUntil(
          'face answers under load',
          async () => answers.length,
          (n) => n >= before + 64,
        );
        proxy.setBackends([next.port]);
        assert.equal(await old.stop('SIGTERM'), 0, 'the old color drained and exited 0');
        await waitUntil(
          `faces with the new color ${color}`,
          async () => answers.slice(before).filter((a) => a.color === color).length,
          (n) => n >= 64,
        );
        old = next;
      }
    } finally {
      loading = false;
      await load;
    }
    assert.deepEqual(brokenOf(answers), []);
  });
});
