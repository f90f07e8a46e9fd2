#!/usr/bin/env node
// Copies only what runs into a folder: the `faces` bundle (the root package.json `bin` and the
// chunks and GUI app beside it; no source maps) and a package.json that makes its files ES
// modules. The bundle holds every dependency, so the folder needs no node_modules. The Dockerfile
// runs it after the build; a static test does the same without Docker.
// Usage: node scripts/stage-runtime.mjs <destination> [<repo root>]
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const [dest, from] = process.argv.slice(2);
if (dest === undefined) {
  console.error('usage: node scripts/stage-runtime.mjs <destination> [<repo root>]');
  process.exit(2);
}
const root = from === undefined ? new URL('..', import.meta.url).pathname : resolve(from);
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const binPath = Object.values(rootPackage.bin)[0];
const bundle = dirname(binPath);
if (!existsSync(join(root, binPath))) {
  console.error(`stage-runtime: ${binPath} is missing (run npm run build first)`);
  process.exit(1);
}

mkdirSync(join(dest, bundle), { recursive: true });
const runtimePackage = {
  name: rootPackage.name,
  version: rootPackage.version,
  private: true,
  type: 'module',
  license: rootPackage.license,
  bin: rootPackage.bin,
};
writeFileSync(join(dest, 'package.json'), `${JSON.stringify(runtimePackage, null, 2)}\n`);
cpSync(join(root, bundle), join(dest, bundle), { recursive: true, filter: (src) => !src.endsWith('.map') });
console.log(`stage-runtime: ${bundle} and package.json in ${dest}`);
