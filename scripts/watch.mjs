#!/usr/bin/env node
// `make watch [T=filter]`: the developer loop. `tsc -b --watch` recompiles every workspace on each
// save, and node's test runner in watch mode reruns each matching compiled test whose files (or
// the files they import) changed. Stop with Ctrl-C. A new test file needs a restart (the list of
// test files is made at start); the browser app (gui/src/app) is rebuilt by `make build`.
// Usage: node scripts/watch.mjs [filter…]
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const tsc = spawn(
  process.execPath,
  [`${root}node_modules/typescript/bin/tsc`, '-b', '--watch', '--preserveWatchOutput'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const tests = spawn(process.execPath, [`${root}scripts/run-tests.mjs`, '--watch', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
const children = [tsc, tests];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children) child.once('exit', stop);
