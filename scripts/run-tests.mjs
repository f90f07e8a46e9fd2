#!/usr/bin/env node
// Runs every compiled test file (`*.test.js` under a dist folder) with node's test runner. The
// files are listed here, not globbed, so that a filter is any part of the path: arguments filter
// by substring (`node scripts/run-tests.mjs kit blackbox/faults`, or `make test T=kit`).
// `--watch` first reruns the tests whenever a compiled file they load changes (scripts/watch.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['services', 'gui', 'test'];
const skip = new Set(['node_modules', '.git', 'src']);

function find(dir, inDist, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, inDist || name === 'dist', out);
    else if (inDist && name.endsWith('.test.js') && sourceExists(path)) out.push(relative(root, path));
  }
  return out;
}

// tsc -b leaves the output of a moved or deleted test behind: a compiled test whose source map
// names a source that is gone is not run (it would test code that no longer exists).
function sourceExists(path) {
  let map;
  try {
    map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
  } catch {
    return true;
  }
  const base = resolve(dirname(path), map.sourceRoot ?? '');
  return (map.sources ?? []).every((source) => existsSync(resolve(base, source)));
}

const watch = process.argv.includes('--watch');
const filters = process.argv.slice(2).filter((arg) => arg !== '--watch');
const files = roots
  .flatMap((dir) => find(join(root, dir), false, []))
  // With no filter, the container check (test/containers/) is left out: `make test` runs it as a
  // step of its own after the rest, one file at a time (it builds an image and loads containers).
  .filter((file) =>
    filters.length === 0 ? !file.includes('/containers/') : filters.some((filter) => file.includes(filter)),
  )
  .sort();
if (files.length === 0) {
  console.error(
    `run-tests: no compiled test file${filters.length > 0 ? ` matches ${filters.join(' or ')}` : ''} (run \`npm run build\` first)`,
  );
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const result = spawnSync(
  process.execPath,
  ['--test', `--test-concurrency=${concurrency}`, ...(watch ? ['--watch'] : []), ...files],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
