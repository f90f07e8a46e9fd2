// The image in real containers: the Dockerfile built unchanged, then each service in its own
// container as k8s/01-base runs it (read-only root, no capabilities, no-new-privileges, user
// 1000, the base's env and memory limit), on one container network. Needs root or sudo on a
// machine without an engine: scripts/build-image.sh installs podman (see docs/kubernetes.md).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, describe, it, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadSummary } from '@faces/load';
import { baseWorkload, PEER_ADDRESSES } from '../helpers/container-base.js';
import { ContainerCheckError, Engine, lastLine, runScript } from '../helpers/container-engine.js';
import { ask, IMAGE, load } from '../helpers/container-http.js';
import {
  type ContainerMemory,
  type MemoryCgroup,
  memoryCgroup,
  readContainerMemory,
} from '../helpers/container-memory.js';
import { WORKLOADS, type Workload } from '../helpers/manifests.js';
import { headroomProblem, mib } from '../helpers/memory-headroom.js';
import { repoPath } from '../helpers/repo.js';
import { waitUntil } from '../helpers/wait-until.js';

const RUN = `faces-check-${process.pid}`;
const LOAD_SECONDS = 15;
/**
 * Workers per service (one request in flight each): with the base's DELAY_BUCKETS (up to 1.5 s)
 * that is a workshop's load, a hundred or two requests a second per service, not a benchmark's.
 */
const LOAD_WORKERS = 64;
/** DRAIN_SECONDS' default: the base sets none. */
const DRAIN_SECONDS = 5;
/** What each service is loaded with: a cell, as the GUI asks for it. */
const LOAD_PATH: Record<Workload, string> = {
  smiley: '/center/',
  color: '/center/',
  face: '/center/',
  'faces-gui': '/face/center/',
};

const name = (workload: Workload): string => `${RUN}-${workload}`;
let engine: Engine | undefined;
let built = false;
let running = false;
const ports = new Map<Workload, number>();
/** Statuses each service answered under load before any SIGTERM: its normal answers. */
const normalStatuses = new Map<Workload, Set<string>>();

function engineOrSkip(t: TestContext, needs: 'built' | 'running'): Engine | undefined {
  if (engine === undefined || !built || (needs === 'running' && !running)) {
    t.skip(needs === 'built' ? 'the image did not build' : 'the containers did not start');
    return undefined;
  }
  return engine;
}

const url = (workload: Workload, path: string): string => `http://127.0.0.1:${ports.get(workload)}${path}`;

/** Fails with the one line that says which container exited, when one has. */
function assertAlive(e: Engine, workload: Workload, when: string): void {
  const state = e.state(name(workload));
  if (state.status !== 'running') {
    throw new ContainerCheckError(
      `${workload}'s container exited (code ${state.exitCode}${state.oomKilled ? ', OOM-killed' : ''}) ${when}: ${e.logsTail(name(workload))}`,
    );
  }
}

describe('the image in real containers', { timeout: 900_000 }, () => {
  before(async () => {
    const found = await runScript('install-container-engine.sh', []);
    if (found.status === 0) engine = new Engine(lastLine(found.stdout));
  });

  after(() => {
    if (engine === undefined) return;
    for (const workload of WORKLOADS) engine.run(['rm', '--force', '--time', '0', name(workload)]);
    engine.run(['network', 'rm', '--force', RUN]);
  });

  it('builds the Dockerfile unchanged', async (t) => {
    if (engine === undefined)
      throw new ContainerCheckError('no container engine could be installed (see the lines above)');
    const started = performance.now();
    const result = await runScript('build-image.sh', [IMAGE]);
    if (result.status !== 0) {
      throw new ContainerCheckError(`the Dockerfile does not build: ${lastLine(result.stderr)}`);
    }
    built = true;
    const size = Number(engine.must(['image', 'inspect', '--format', '{{.Size}}', IMAGE], 'image inspect'));
    t.diagnostic(
      `image ${IMAGE}: built in ${((performance.now() - started) / 1000).toFixed(0)} s (with the base image), ${(size / 1e6).toFixed(0)} MB`,
    );
  });

  it('runs each service as k8s/01-base does and answers /readyz, faces healthcheck and nothing writes its root', async (t) => {
    const e = engineOrSkip(t, 'built');
    if (e === undefined) return;
    e.must(['network', 'create', RUN], 'network create');
    for (const workload of WORKLOADS) {
      const base = baseWorkload(workload);
      const env = [
        ...base.env,
        ...Object.entries(PEER_ADDRESSES[workload] ?? {}).map(([k, v]) => ({ name: k, value: v })),
      ];
      e.must(
        [
          'run',
          '--detach',
          '--name',
          name(workload),
          '--network',
          RUN,
          '--network-alias',
          workload,
          '--publish',
          '127.0.0.1::8000',
          '--read-only',
          // podman mounts tmpfs on /tmp, /var/tmp and /run with --read-only; Kubernetes does not.
          ...(e.command === 'podman' ? ['--read-only-tmpfs=false'] : []),
          '--cap-drop',
          'ALL',
          '--security-opt',
          'no-new-privileges',
          '--user',
          '1000:1000',
          '--memory',
          base.memory.limit.replace(/i$/, '').toLowerCase(),
          ...env.flatMap((v) => ['--env', `${v.name}=${v.value}`]),
          IMAGE,
          ...base.args,
        ],
        `starting ${workload}`,
      );
      ports.set(workload, e.hostPort(name(workload)));
    }
    for (const workload of WORKLOADS) {
      await waitUntil(
        `${workload}'s /readyz to answer 200`,
        async () => {
          assertAlive(e, workload, 'before /readyz answered 200');
          return (await ask(url(workload, '/readyz'))).status;
        },
        (status) => status === 200,
        60_000,
        250,
      );
      const health = e.run(['exec', name(workload), 'faces', 'healthcheck'], 30_000);
      if (health.status !== 0) {
        throw new ContainerCheckError(
          `faces healthcheck in ${workload}'s container exited ${health.status}: ${lastLine(health.stderr)}`,
        );
      }
      // The service's own user and runtime, asked to write where a careless service would.
      const write = e.run([
        'exec',
        name(workload),
        'node',
        '-e',
        "for (const p of ['/x', '/app/x', '/tmp/x', '/home/node/x']) { try { require('fs').writeFileSync(p, ''); console.log('wrote ' + p); } catch (e) { if (e.code !== 'EROFS') console.log(p + ': ' + e.code); } }",
      ]);
      if (write.status !== 0 || write.stdout.trim() !== '') {
        throw new ContainerCheckError(
          `${workload}'s container root is writable or not read-only: ${write.stdout.trim() || write.stderr.trim()}`,
        );
      }
    }
    running = true;
    t.diagnostic(
      `four containers ready on network ${RUN}: ${[...ports].map(([w, p]) => `${w} 127.0.0.1:${p}`).join(', ')}`,
    );
  });

  it('composes a face through face and the GUI over container DNS', async (t) => {
    const e = engineOrSkip(t, 'running');
    if (e === undefined) return;
    for (const workload of ['face', 'faces-gui'] as const) {
      // ERROR_FRACTION=20 in the base: a few asks until one is not a fault.
      const answer = await waitUntil(
        `a composed face from ${workload}${LOAD_PATH[workload]}`,
        () => ask(url(workload, LOAD_PATH[workload])),
        (a) => a.status === 200,
        30_000,
        50,
      );
      const face = JSON.parse(answer.body) as { smiley?: unknown; color?: unknown; errors?: unknown[] };
      assert.ok(typeof face.smiley === 'string' && typeof face.color === 'string', `${workload}: ${answer.body}`);
      t.diagnostic(`${workload}${LOAD_PATH[workload]}: ${answer.body.slice(0, 160)}`);
    }
  });

  it(`holds its memory at idle and after ${LOAD_SECONDS} s of load within the base's requests and limits`, async (t) => {
    const e = engineOrSkip(t, 'running');
    if (e === undefined) return;
    const idle = new Map<Workload, ContainerMemory>();
    const peak = new Map<Workload, number>();
    const cgroups = new Map(WORKLOADS.map((w) => [w, memoryCgroup(e, name(w))] as const));
    const sample = (workload: Workload): ContainerMemory => readContainerMemory(cgroups.get(workload) as MemoryCgroup);
    for (const workload of WORKLOADS) idle.set(workload, sample(workload));
    const loads = Promise.all(
      WORKLOADS.map((w) => load(url(w, LOAD_PATH[w]), LOAD_WORKERS, { durationMs: LOAD_SECONDS * 1000 })),
    );
    let done = false;
    void loads.finally(() => {
      done = true;
    });
    while (!done) {
      for (const workload of WORKLOADS) {
        const now = sample(workload).workingSetBytes;
        peak.set(workload, Math.max(peak.get(workload) ?? 0, now));
      }
      await sleep(250);
    }
    const summaries = await loads;
    const rows: string[] = [];
    const figures: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const [index, workload] of WORKLOADS.entries()) {
      assertAlive(e, workload, `during ${LOAD_SECONDS} s of load`);
      const afterLoad = sample(workload);
      const top = Math.max(peak.get(workload) ?? 0, afterLoad.workingSetBytes);
      const summary = summaries[index] as LoadSummary;
      normalStatuses.set(workload, new Set(Object.keys(summary.statusCodes)));
      const base = baseWorkload(workload);
      rows.push(
        `| ${workload} | ${mib(idle.get(workload)?.workingSetBytes ?? 0)} | ${mib(afterLoad.workingSetBytes)} | ${mib(top)} | ${base.memory.request} | ${base.memory.limit} | ${summary.requestsPerSecond.toFixed(0)} |`,
      );
      figures[workload] = {
        idleBytes: idle.get(workload)?.workingSetBytes,
        afterLoadBytes: afterLoad.workingSetBytes,
        peakBytes: top,
        requestsPerSecond: Math.round(summary.requestsPerSecond),
        statusCodes: summary.statusCodes,
        errors: summary.errors,
      };
      const problem = headroomProblem(workload, top, base.memory, 'k8s/01-base');
      if (problem !== undefined) problems.push(problem);
    }
    const table = [
      `| workload | idle | after ${LOAD_SECONDS} s of load | peak | request | limit | requests/s |`,
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
    for (const line of table.split('\n')) t.diagnostic(line);
    mkdirSync(repoPath('test-results'), { recursive: true });
    writeFileSync(repoPath('test-results/container-memory.json'), `${JSON.stringify(figures, null, 2)}\n`);
    writeFileSync(repoPath('test-results/container-memory.md'), `${table}\n`);
    if (problems.length > 0) throw new ContainerCheckError(problems.join('; '));
  });

  it('drains under load on SIGTERM: no failed request before the drain ends, exit 0 within the grace period', async (t) => {
    const e = engineOrSkip(t, 'running');
    if (e === undefined) return;
    const signalAfterMs = 2000;
    // Every request is sent before the drain ends (less a margin for the last one's round trip).
    const windowMs = signalAfterMs + DRAIN_SECONDS * 1000 - 500;
    const results = await Promise.all(
      WORKLOADS.map(async (workload) => {
        const loadRun = load(url(workload, LOAD_PATH[workload]), 8, { durationMs: windowMs });
        await sleep(signalAfterMs);
        const signalled = performance.now();
        e.must(['kill', '--signal', 'TERM', name(workload)], `SIGTERM to ${workload}`);
        const readyz = await waitUntil(
          `${workload}'s /readyz to answer 503 while draining`,
          () => ask(url(workload, '/readyz')),
          (a) => a.status !== 200,
          3000,
          50,
        );
        const summary = await loadRun;
        const grace = baseWorkload(workload).graceSeconds;
        const waited = e.run(['wait', name(workload)], (grace + 5) * 1000);
        const exitSeconds = (performance.now() - signalled) / 1000;
        return { workload, summary, readyz: readyz.status, exitCode: Number(waited.stdout.trim()), exitSeconds, grace };
      }),
    );
    running = false;
    const problems: string[] = [];
    for (const r of results) {
      // 200, and 500 from ERROR_FRACTION, unless the load before said otherwise.
      const normal = normalStatuses.get(r.workload) ?? new Set(['200', '500']);
      const failed =
        Object.values(r.summary.errors).reduce((a, b) => a + b, 0) +
        Object.entries(r.summary.statusCodes)
          .filter(([status]) => !normal.has(status))
          .reduce((a, [, n]) => a + n, 0);
      t.diagnostic(
        `${r.workload}: ${r.summary.requests} requests in ${(windowMs / 1000).toFixed(1)} s (SIGTERM at ${signalAfterMs / 1000} s), ${failed} failed, statuses ${JSON.stringify(r.summary.statusCodes)}; /readyz ${r.readyz} while draining; exit ${r.exitCode} ${r.exitSeconds.toFixed(1)} s after SIGTERM (grace ${r.grace} s)`,
      );
      if (failed > 0)
        problems.push(
          `${r.workload} failed ${failed} requests before its drain ended: ${JSON.stringify(r.summary.errors)} ${JSON.stringify(r.summary.statusCodes)}`,
        );
      if (r.exitCode !== 0 || r.exitSeconds > r.grace) {
        problems.push(
          `${r.workload} exited ${Number.isNaN(r.exitCode) ? 'not at all' : r.exitCode} ${r.exitSeconds.toFixed(1)} s after SIGTERM (must be 0 within ${r.grace} s)`,
        );
      }
    }
    if (problems.length > 0) throw new ContainerCheckError(problems.join('; '));
  });
});
