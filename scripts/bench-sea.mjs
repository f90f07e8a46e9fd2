#!/usr/bin/env node
// Start-to-ready and resident memory of `faces smiley` run three ways: node and the bundle, and
// executables built by scripts/build-sea.mjs. Ready: its "listening" log line; memory: VmRSS
// then (Linux). A benchmark, not a test: its figures go in docs/single-executable.md.
// Usage: node scripts/bench-sea.mjs RUNS EXECUTABLE...
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const [runsArg, ...executables] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const bundle = join(new URL('..', import.meta.url).pathname, 'services/cli/dist/bundle/faces.js');
const ways = [
  { name: `node ${bundle}`, command: process.execPath, args: [bundle, 'smiley'] },
  ...executables.map((path) => ({ name: path, command: path, args: ['smiley'] })),
];

async function once_(command, args) {
  const started = performance.now();
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', DRAIN_SECONDS: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.includes('listening')) break;
  }
  const readyMs = performance.now() - started;
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
  child.kill('SIGTERM');
  await once(child, 'exit');
  return { readyMs, rssMiB: rssKiB / 1024 };
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const way of ways) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once_(way.command, way.args));
  console.log(
    `${way.name}: start to ready ${median(results.map((r) => r.readyMs)).toFixed(0)} ms, ` +
      `RSS when ready ${median(results.map((r) => r.rssMiB)).toFixed(1)} MiB (median of ${runs})`,
  );
}
