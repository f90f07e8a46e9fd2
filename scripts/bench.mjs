#!/usr/bin/env node
// `make bench`: installs wrk when missing (Debian), then runs the compiled benchmark.
import { spawnSync } from 'node:child_process';

const which = spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' });
if (which.status !== 0) {
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const sh = (cmd) =>
    spawnSync(sudo.length ? 'sudo' : 'sh', sudo.length ? ['sh', '-c', cmd] : ['-c', cmd], { stdio: 'inherit' });
  console.error('bench: installing wrk (Debian)');
  if (sh('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk').status !== 0) {
    console.error('bench: could not install wrk; install it (apt-get install wrk) and run again');
    process.exit(1);
  }
}
const run = spawnSync(process.execPath, [new URL('../test/dist/bench/bench.js', import.meta.url).pathname], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
