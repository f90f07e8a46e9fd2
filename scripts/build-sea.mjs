#!/usr/bin/env node
// Builds `faces` as one executable file for this machine with Node's single executable
// applications (node --build-sea): the Node binary running this script, with the whole `faces`
// command (one ES module, every service in it) and the GUI's built app inside. Nothing else is
// needed beside it: no Node install, no DATA_PATH. The GUI's app travels as SEA assets; on the
// first `faces gui` they are written once to a folder named by their hash in the temp directory
// (the GUI serves its app from files).
// Usage: node scripts/build-sea.mjs [output]   (default dist/faces-<os>-<arch>[.exe])
// Run it after `npm run build` (it bundles the compiled services/cli/dist/faces.js).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { facesBuild, root } from './bundle-options.mjs';

const platform = process.platform === 'win32' ? 'win' : process.platform;
const output = resolve(
  process.argv[2] ?? join(root, 'dist', `faces-${platform}-${process.arch}${platform === 'win' ? '.exe' : ''}`),
);
const work = join(root, 'services/cli/dist/sea');
const appDir = join(root, 'gui/dist/app');

/** Every file of the built app, by its path inside the app ('index.html', 'assets/…'). */
function appFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? appFiles(path, base) : [relative(base, path).split('\\').join('/')];
  });
}
const files = appFiles(appDir).sort();
if (!files.includes('index.html')) throw new Error(`build-sea: ${appDir} has no index.html (run npm run build)`);
const hash = createHash('sha256');
for (const file of files)
  hash
    .update(file)
    .update('\0')
    .update(readFileSync(join(appDir, file)));
const appFolder = `faces-app-${hash.digest('hex').slice(0, 16)}`;

// The GUI's app-root: the app's files, from the executable's assets into a folder of their own.
const appRoot = `
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getAsset } from 'node:sea';
const folder = join(tmpdir(), ${JSON.stringify(appFolder)});
if (!existsSync(join(folder, 'index.html'))) {
  // Written aside, then renamed: another faces never sees half an app.
  const work = mkdtempSync(folder + '-');
  for (const file of ${JSON.stringify(files)}) {
    mkdirSync(dirname(join(work, file)), { recursive: true });
    writeFileSync(join(work, file), new Uint8Array(getAsset('app/' + file)));
  }
  try { renameSync(work, folder); } catch { rmSync(work, { recursive: true, force: true }); }
}
export const DEFAULT_APP_ROOT = folder;
`;

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const faces = facesBuild(appRoot);
const main = join(work, 'faces.mjs');
// One file: a SEA's main module can import only Node's built-in modules, not other files.
await build({ ...faces.options, outfile: main, splitting: false });
faces.check();

// Linux: the Node binary without its symbol tables, 33 MiB less (146 → 114 MiB for Node 26.12).
// macOS and Windows binaries are signed: left as they are.
let executable = process.execPath;
if (process.platform === 'linux' && spawnSync('strip', ['--version']).status === 0) {
  executable = join(work, 'node');
  copyFileSync(process.execPath, executable);
  execFileSync('strip', [executable]);
}

const config = {
  main,
  mainFormat: 'module',
  executable,
  output,
  disableExperimentalSEAWarning: true,
  // V8's compiled code for the bundle, made now: start to ready 1113 → 683 ms (docs/single-executable.md).
  useCodeCache: true,
  assets: Object.fromEntries(files.map((file) => [`app/${file}`, join(appDir, file)])),
};
const configPath = join(work, 'sea-config.json');
writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
mkdirSync(dirname(output), { recursive: true });
execFileSync(process.execPath, ['--build-sea', configPath], { stdio: 'inherit' });
const bytes = statSync(output).size;
console.log(`build-sea: ${output} (${(bytes / 1024 / 1024).toFixed(1)} MiB, Node ${process.versions.node})`);
