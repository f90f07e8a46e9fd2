#!/usr/bin/env node
// Copies only what runs into a folder: the root package.json, lockfile and .npmrc, and for each
// workspace the `faces` command needs (the @faces/* dependency closure of the root `bin`), its
// package.json and compiled dist/ without tests, type declarations, source maps or build info.
// The Dockerfile runs it after the build, then `npm ci --omit=dev` in that folder; a static test
// does the same without Docker. Usage: node scripts/stage-runtime.mjs <destination> [<repo root>]
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const [dest, from] = process.argv.slice(2);
if (dest === undefined) {
  console.error('usage: node scripts/stage-runtime.mjs <destination> [<repo root>]');
  process.exit(2);
}
const root = from === undefined ? new URL('..', import.meta.url).pathname : resolve(from);
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

const rootPackage = readJson('package.json');
const byName = new Map();
for (const folder of rootPackage.workspaces) {
  if (existsSync(join(root, folder, 'package.json'))) byName.set(readJson(join(folder, 'package.json')).name, folder);
}

// The workspace that holds the `faces` bin, then every @faces/* workspace it depends on.
const binPath = Object.values(rootPackage.bin)[0];
const start = [...byName.values()].find((folder) => binPath.startsWith(`${folder}/`));
if (start === undefined) throw new Error(`stage-runtime: no workspace holds the bin ${binPath}`);
const runtime = new Set();
const queue = [start];
while (queue.length > 0) {
  const folder = queue.pop();
  if (runtime.has(folder)) continue;
  runtime.add(folder);
  for (const dep of Object.keys(readJson(join(folder, 'package.json')).dependencies ?? {})) {
    const target = byName.get(dep);
    if (target === undefined && dep.startsWith('@faces/')) throw new Error(`stage-runtime: ${dep} is not a workspace`);
    if (target !== undefined) queue.push(target);
  }
}

const shipped = (path) => !/(\.test\.js|\.d\.ts|\.map|\.tsbuildinfo)$/.test(path) && !path.includes('/test/');

mkdirSync(dest, { recursive: true });
for (const file of ['package.json', 'package-lock.json', '.npmrc']) cpSync(join(root, file), join(dest, file));
for (const folder of [...runtime].sort()) {
  const dist = join(root, folder, 'dist');
  if (!existsSync(dist)) throw new Error(`stage-runtime: ${folder}/dist is missing (run npm run build first)`);
  mkdirSync(join(dest, folder), { recursive: true });
  cpSync(join(root, folder, 'package.json'), join(dest, folder, 'package.json'));
  cpSync(dist, join(dest, folder, 'dist'), { recursive: true, filter: (src) => shipped(relative(dirname(dist), src)) });
  console.log(`stage-runtime: ${folder}`);
}
