// `make bench`: real services on loopback under wrk, with a bare node:http server as the ceiling.
// Not a test: it reports figures and ratios measured in one run; it never fails on a figure.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { FACES_BIN, type RunningService, startFaces, startNodeService } from '../helpers/processes.js';
import { bundleGzipBytes, median, memoryOf } from './measure.js';
import { type Row, renderMarkdown, renderTable } from './report.js';
import { measureStartup } from './startup.js';
import { type LoadResult, runWrk } from './wrk.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const quiet = { FACES_SEED: '1', DRAIN_SECONDS: '0' };

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
    start: async () => [await startNodeService(fileURLToPath(new URL('./bare-server.js', import.meta.url)), [])],
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

async function benchTarget(target: Target): Promise<Row> {
  const processes = await target.start();
  const [measured] = processes;
  if (measured === undefined) throw new Error(`${target.name}: nothing started`);
  try {
    const url = `${measured.url}${target.path}`;
    await runWrk(url, connections, 2); // warm-up: JIT, pools, connections
    const runs: LoadResult[] = [];
    for (let i = 0; i < repeats; i++) runs.push(await runWrk(url, connections, seconds));
    const memory = measured.child.pid === undefined ? undefined : memoryOf(measured.child.pid);
    const startupMs =
      target.command === undefined ? undefined : await measureStartup(FACES_BIN, target.command, freePort, repeats);
    return {
      name: target.name,
      requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
      p50Ms: median(runs.map((run) => run.p50Ms)),
      p99Ms: median(runs.map((run) => run.p99Ms)),
      non2xx: runs.reduce((total, run) => total + run.non2xx, 0),
      rssMiB: memory?.rssMiB ?? Number.NaN,
      anonMiB: memory?.anonMiB ?? Number.NaN,
      startupMs,
    };
  } finally {
    await Promise.all(processes.map((service) => service.stop()));
  }
}

const rows: Row[] = [];
for (const target of targets) {
  process.stderr.write(`bench: ${target.name}…\n`);
  rows.push(await benchTarget(target));
}
const bundle = bundleGzipBytes(`${root}gui/dist/app`);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  settings: { seconds, repeats, connections, tool: 'wrk -t1' },
  rows,
  guiBundleGzipBytes: bundle ?? null,
};
const outDir = `${root}bench-results`;
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}/latest.json`, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(`${outDir}/latest.md`, renderMarkdown(rows, bundle, result.settings));
process.stdout.write(`${renderTable(rows, bundle)}\nwritten: bench-results/latest.json, bench-results/latest.md\n`);
