// `make bench`: real services on loopback under wrk, with a bare node:http server as the ceiling.
// Not a test: it reports figures and ratios measured in one run; it never fails on a figure.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { RUNTIME_NODE_OPTIONS } from '@faces/kit';
import { FACES_BIN, type RunningService, startFaces, startNodeService } from '../helpers/processes.js';
import { bundleGzipBytes, cpuNanoseconds, machineCpuTimes, memoryOf, stolenShare } from './measure.js';
import { type Row, renderMarkdown, renderTable } from './report.js';
import { type Sample, summarise } from './rounds.js';
import { measureStartup } from './startup.js';
import { runWrk } from './wrk.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
// Every process, the bare ceiling included, runs with the flags the image gives the services.
const quiet = { FACES_SEED: '1', DRAIN_SECONDS: '0', NODE_OPTIONS: RUNTIME_NODE_OPTIONS };

interface Target {
  readonly name: string;
  readonly path: string;
  /** Starts the target and whatever it calls; the first process is the one measured. */
  readonly start: () => Promise<RunningService[]>;
  /** For start-up timing: the command, or undefined for the bare server. */
  readonly command?: string;
}

const has = (path: string) => existsSync(`${root}${path}`);

const targets: Target[] = [
  {
    name: 'bare node:http',
    path: '/',
    start: async () => [await startNodeService(fileURLToPath(new URL('./bare-server.js', import.meta.url)), [], quiet)],
  },
  { name: 'smiley', path: '/center/', command: 'smiley', start: async () => [await startFaces(['smiley'], quiet)] },
  { name: 'color', path: '/center/', command: 'color', start: async () => [await startFaces(['color'], quiet)] },
];
if (has('services/face/dist/index.js')) {
  const backends = async () => Promise.all([startFaces(['smiley'], quiet), startFaces(['color'], quiet)]);
  const faceEnv = (smiley: RunningService, color: RunningService) => ({
    ...quiet,
    SMILEY_SERVICE: smiley.url,
    COLOR_SERVICE: color.url,
  });
  targets.push({
    name: 'face (→ smiley + color)',
    path: '/center/',
    command: 'face',
    start: async () => {
      const [smiley, color] = await backends();
      return [await startFaces(['face'], faceEnv(smiley, color)), smiley, color];
    },
  });
  if (has('gui/dist/app/index.html')) {
    targets.push({
      name: 'gui /face/ (→ face → smiley + color)',
      path: '/face/center/',
      command: 'gui',
      start: async () => {
        const [smiley, color] = await backends();
        const face = await startFaces(['face'], faceEnv(smiley, color));
        return [await startFaces(['gui'], { ...quiet, FACE_SERVICE: face.url }), face, smiley, color];
      },
    });
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

interface Running {
  readonly target: Target;
  readonly processes: RunningService[];
  readonly pid: number;
  readonly url: string;
  readonly samples: Sample[];
}

async function load(running: Running, runSeconds: number): Promise<Sample> {
  const before = cpuNanoseconds(running.pid);
  const result = await runWrk(running.url, connections, runSeconds);
  const cpu = cpuNanoseconds(running.pid) - before;
  return { ...result, cpuMicrosPerRequest: result.requests > 0 ? cpu / 1000 / result.requests : Number.NaN };
}

// Every target runs at once (idle ones cost nothing) and they take turns, round after round: a
// slow spell of this shared machine then touches every target, not just the one measured in it.
const running: Running[] = [];
try {
  for (const target of targets) {
    const processes = await target.start();
    const measured = processes[0];
    if (measured?.child.pid === undefined) throw new Error(`${target.name}: nothing started`);
    running.push({ target, processes, pid: measured.child.pid, url: `${measured.url}${target.path}`, samples: [] });
  }
  for (const each of running) await load(each, 2); // warm-up: JIT, pools, connections
  const cpuBefore = machineCpuTimes();
  for (let round = 1; round <= repeats; round++) {
    process.stderr.write(`bench: round ${round} of ${repeats}\n`);
    for (const each of running) each.samples.push(await load(each, seconds));
  }
  const stolen = stolenShare(cpuBefore, machineCpuTimes());
  const ceiling = running[0]?.samples ?? [];
  const smiley = running.find((each) => each.target.name === 'smiley')?.samples;
  const rows: Row[] = [];
  for (const each of running) {
    const summary = summarise(each.samples);
    const memory = memoryOf(each.pid);
    const isComposite = each.target.name.startsWith('face') || each.target.name.startsWith('gui');
    rows.push({
      name: each.target.name,
      requestsPerSecond: summary.requestsPerSecond,
      toBare: summary.ratioTo(ceiling),
      toSmiley: isComposite && smiley !== undefined ? summary.ratioTo(smiley) : undefined,
      p50Ms: summary.p50Ms,
      p99Ms: summary.p99Ms,
      non2xx: summary.non2xx,
      cpuMicrosPerRequest: summary.cpuMicrosPerRequest,
      rssMiB: memory.rssMiB,
      anonMiB: memory.anonMiB,
      startupMs: undefined,
    });
  }
  await Promise.all(running.flatMap((each) => each.processes.map((service) => service.stop())));
  running.length = 0;
  // Start-up is timed with nothing else running.
  for (const [index, target] of targets.entries()) {
    const row = rows[index];
    if (row === undefined || target.command === undefined) continue;
    process.stderr.write(`bench: start-up of ${target.command}\n`);
    rows[index] = { ...row, startupMs: await measureStartup(FACES_BIN, target.command, freePort, repeats) };
  }
  const bundle = bundleGzipBytes(`${root}gui/dist/app`);
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    settings: { seconds, repeats, connections, tool: 'wrk -t1', nodeOptions: RUNTIME_NODE_OPTIONS },
    cpuStolenByHypervisor: stolen,
    rows,
    guiBundleGzipBytes: bundle ?? null,
  };
  const outDir = `${root}bench-results`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/latest.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${outDir}/latest.md`, renderMarkdown(rows, bundle, result.settings, stolen));
  process.stdout.write(
    `${renderTable(rows, bundle, stolen)}\nwritten: bench-results/latest.json, bench-results/latest.md\n`,
  );
} finally {
  await Promise.all(running.flatMap((each) => each.processes.map((service) => service.stop())));
}
