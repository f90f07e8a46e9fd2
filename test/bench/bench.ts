// `make bench`: real services on loopback under wrk, with a bare node:http server as the ceiling.
// Not a test: it reports figures and ratios measured in one run; it never fails on a figure.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { RUNTIME_NODE_OPTIONS } from '@faces/kit';
import { FACES_BIN, type RunningService, startFaces, startNodeService } from '../helpers/processes.js';
import { bundleGzipBytes, cpuNanoseconds, machineCpuTimes, memoryOf, stolenShare } from './measure.js';
import { busyTimeByOwner, type CpuProfile } from './profile-summary.js';
import { type Row, renderMarkdown, renderTable } from './report.js';
import { type Sample, summarise } from './rounds.js';
import { measureStartup } from './startup.js';
import { evaluateTargets, type Role, renderTargets } from './targets.js';
import { runWrk } from './wrk.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
// BENCH_PROFILE=1: every process also writes a V8 CPU profile (flame graphs in Chrome DevTools or
// speedscope), and the run prints where each measured process spent its busy time.
const profiling = process.env.BENCH_PROFILE === '1';
const outDir = `${root}bench-results`;
const profileDir = `${outDir}/profiles`;
// Every process, the bare ceiling included, runs with the flags the image gives the services.
const quiet = { FACES_SEED: '1', DRAIN_SECONDS: '0', NODE_OPTIONS: RUNTIME_NODE_OPTIONS };
// Node 20 does not take --cpu-prof in NODE_OPTIONS: it goes on the command line.
const nodeArgs = profiling ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
const faces = (args: string[], env: Record<string, string>) => startFaces(args, env, 15_000, nodeArgs);
if (profiling) {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
}

interface Target {
  readonly name: string;
  readonly role: Role;
  readonly path: string;
  /** Starts the target and whatever it calls; the first process is the one measured. */
  readonly start: () => Promise<RunningService[]>;
  /** For start-up timing: the command, or undefined for the references (bare server, plain face). */
  readonly command?: string;
  /** Whether the target calls smiley, so its req/s is also given as a ratio to smiley's. */
  readonly callsSmiley?: boolean;
}

const has = (path: string) => existsSync(`${root}${path}`);

const targets: Target[] = [
  {
    name: 'bare node:http',
    role: 'bare',
    path: '/',
    start: async () => [
      await startNodeService(fileURLToPath(new URL('./bare-server.js', import.meta.url)), [], quiet, 15_000, nodeArgs),
    ],
  },
  {
    name: 'smiley',
    role: 'leaf',
    path: '/center/',
    command: 'smiley',
    start: async () => [await faces(['smiley'], quiet)],
  },
  {
    name: 'color',
    role: 'leaf',
    path: '/center/',
    command: 'color',
    start: async () => [await faces(['color'], quiet)],
  },
];
if (has('services/face/dist/index.js')) {
  const backends = async () => Promise.all([faces(['smiley'], quiet), faces(['color'], quiet)]);
  const faceEnv = (smiley: RunningService, color: RunningService) => ({
    ...quiet,
    SMILEY_SERVICE: smiley.url,
    COLOR_SERVICE: color.url,
  });
  targets.push({
    name: 'face (→ smiley + color)',
    role: 'face',
    callsSmiley: true,
    path: '/center/',
    command: 'face',
    start: async () => {
      const [smiley, color] = await backends();
      return [await faces(['face'], faceEnv(smiley, color)), smiley, color];
    },
  });
  targets.push({
    name: 'face (→ smiley + gRPC color)',
    role: 'face-grpc',
    callsSmiley: true,
    path: '/center/',
    start: async () => {
      const [smiley, color] = await backends();
      const env = { ...faceEnv(smiley, color), COLOR_SERVICE: `grpc://127.0.0.1:${color.port}` };
      return [await faces(['face'], env), smiley, color];
    },
  });
  targets.push({
    name: 'plain face (node:http + undici → smiley + color)',
    role: 'plain-face',
    callsSmiley: true,
    path: '/center/',
    start: async () => {
      const [smiley, color] = await backends();
      const plain = fileURLToPath(new URL('./plain-face.js', import.meta.url));
      return [await startNodeService(plain, [], faceEnv(smiley, color), 15_000, nodeArgs), smiley, color];
    },
  });
  if (has('gui/dist/app/index.html')) {
    targets.push({
      name: 'gui /face/ (→ face → smiley + color)',
      role: 'gui',
      callsSmiley: true,
      path: '/face/center/',
      command: 'gui',
      start: async () => {
        const [smiley, color] = await backends();
        const face = await faces(['face'], faceEnv(smiley, color));
        return [await faces(['gui'], { ...quiet, FACE_SERVICE: face.url }), face, smiley, color];
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

/** Where each measured process spent its busy time, from the profile it wrote on exit. */
function reportProfiles(measured: readonly (readonly [string, number])[]): void {
  const files = readdirSync(profileDir);
  for (const [name, pid] of measured) {
    const file = files.find((candidate) => candidate.includes(`.${pid}.`) && candidate.endsWith('.cpuprofile'));
    if (file === undefined) {
      process.stdout.write(`${name}: no profile written\n`);
      continue;
    }
    const profile = JSON.parse(readFileSync(`${profileDir}/${file}`, 'utf8')) as CpuProfile;
    const top = busyTimeByOwner(profile)
      .slice(0, 8)
      .map((share) => `${share.name} ${(share.share * 100).toFixed(1)} %`);
    process.stdout.write(`${name} (bench-results/profiles/${file}): ${top.join(', ')}\n`);
  }
  process.stdout.write('Figures of a profiled run are slower than unprofiled ones: compare only profiles with it.\n');
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
  return {
    ...result,
    cpuMicrosPerRequest: result.requests > 0 ? cpu / 1000 / result.requests : Number.NaN,
    ...memoryOf(running.pid),
  };
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
  const plainFace = running.find((each) => each.target.role === 'plain-face')?.samples;
  const httpFace = running.find((each) => each.target.role === 'face')?.samples;
  const rows: Row[] = [];
  for (const each of running) {
    const summary = summarise(each.samples);
    const againstPlain = each.target.role === 'face' && plainFace !== undefined;
    const againstFace = each.target.role === 'face-grpc' && httpFace !== undefined;
    rows.push({
      name: each.target.name,
      role: each.target.role,
      toPlainFace: againstPlain ? summary.ratioTo(plainFace) : undefined,
      cpuToPlainFace: againstPlain ? summary.cpuRatioTo(plainFace) : undefined,
      toFace: againstFace ? summary.ratioTo(httpFace) : undefined,
      cpuToFace: againstFace ? summary.cpuRatioTo(httpFace) : undefined,
      requestsPerSecond: summary.requestsPerSecond,
      toBare: summary.ratioTo(ceiling),
      toSmiley: each.target.callsSmiley === true && smiley !== undefined ? summary.ratioTo(smiley) : undefined,
      p50Ms: summary.p50Ms,
      p99Ms: summary.p99Ms,
      non2xx: summary.non2xx,
      cpuMicrosPerRequest: summary.cpuMicrosPerRequest,
      rssMiB: summary.rssMiB,
      anonMiB: summary.anonMiB,
      startupMs: undefined,
      readyRssMiB: undefined,
    });
  }
  const measuredPids = running.map((each) => [each.target.name, each.pid] as const);
  // Stopping writes the profiles (V8 writes them as the process exits).
  await Promise.all(running.flatMap((each) => each.processes.map((service) => service.stop())));
  running.length = 0;
  if (profiling) reportProfiles(measuredPids);
  // Start-up is timed with nothing else running.
  for (const [index, target] of targets.entries()) {
    const row = rows[index];
    if (row === undefined || target.command === undefined) continue;
    process.stderr.write(`bench: start-up of ${target.command}\n`);
    rows[index] = { ...row, ...(await measureStartup(FACES_BIN, target.command, freePort, repeats)) };
  }
  const bundle = bundleGzipBytes(`${root}gui/dist/app`);
  const targetResults = evaluateTargets(rows, bundle);
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    settings: { seconds, repeats, connections, tool: 'wrk -t1', nodeOptions: RUNTIME_NODE_OPTIONS, profiling },
    cpuStolenByHypervisor: stolen,
    rows,
    guiBundleGzipBytes: bundle ?? null,
    targets: targetResults,
  };
  mkdirSync(outDir, { recursive: true });
  // A profiled run's figures are not comparable with the others: it gets its own files.
  const base = profiling ? 'profiled' : 'latest';
  writeFileSync(`${outDir}/${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  const targetsText = renderTargets(targetResults);
  writeFileSync(
    `${outDir}/${base}.md`,
    `${renderMarkdown(rows, bundle, result.settings, stolen)}\n\`\`\`\n${targetsText}\`\`\`\n`,
  );
  process.stdout.write(
    `${renderTable(rows, bundle, stolen)}\n${targetsText}\nwritten: bench-results/${base}.json, bench-results/${base}.md\n`,
  );
} finally {
  await Promise.all(running.flatMap((each) => each.processes.map((service) => service.stop())));
}
