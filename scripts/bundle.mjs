#!/usr/bin/env node
// Bundles the compiled `faces` command (services/cli/dist/faces.js) and everything it imports into
// services/cli/dist/bundle/: minified ES modules, one chunk per service, loaded only when chosen.
// It is what `faces`, the image and the black-box tests run. Why: one process loads a few large
// modules instead of hundreds of small ones, and minified source takes less of V8's heap. On the
// bench machine smiley's resident memory when ready fell from 62.7 to 52.3 MiB (not minified:
// about 3.5 MiB more) and its start to ready from 296 to 205 ms; CPU per request moved within the
// noise (README, Performance).
//
// Nothing is left to node_modules: the image's runtime layer is this folder alone. The kit loads
// undici's Pool and Fastify's schema compilers through createRequire (so that the compiled,
// unbundled kit loads only those files, and the compilers only on first use); here that local
// `require` is dropped, so esbuild sees plain require() calls and bundles the CommonJS modules
// behind them, each evaluated only when first required.
// Usage: node scripts/bundle.mjs
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { facesBuild, root } from './bundle-options.mjs';

const outdir = join(root, 'services/cli/dist/bundle');
// The GUI server finds its built app relative to its own module (gui/dist/app, two folders up
// from gui/dist/node/server); in the bundle every chunk sits in one folder, the app in app/ beside.
const faces = facesBuild(
  "import { fileURLToPath } from 'node:url';\n" +
    "export const DEFAULT_APP_ROOT = fileURLToPath(new URL('./app/', import.meta.url));\n",
);

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  ...faces.options,
  outdir,
  splitting: true,
  // For readable stack traces run with --enable-source-maps; the image does not ship the maps.
  sourcemap: 'linked',
});
faces.check();
cpSync(join(root, 'gui/dist/app'), join(outdir, 'app'), { recursive: true });
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(
  `bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024).toFixed(0)} KiB in ${outdir}`,
);
