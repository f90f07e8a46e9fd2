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
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const outdir = join(root, 'services/cli/dist/bundle');

// The GUI server finds its built app relative to its own module (gui/dist/app, two folders up
// from gui/dist/node/server); in the bundle every chunk sits in one folder, the app in app/ beside.
let appRootPlaced = false;
const appRootBesideChunks = {
  name: 'gui-app-root-beside-chunks',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]gui[\\/]dist[\\/]node[\\/]server[\\/]app-root\.js$/ }, () => {
      appRootPlaced = true;
      return {
        loader: 'js',
        contents:
          "import { fileURLToPath } from 'node:url';\n" +
          "export const DEFAULT_APP_ROOT = fileURLToPath(new URL('./app/', import.meta.url));\n",
      };
    });
  },
};

const LOCAL_REQUIRE = 'const require = createRequire(import.meta.url);';
const requiresBundled = new Set();
const bundleRuntimeRequires = {
  name: 'bundle-runtime-requires',
  setup(pluginBuild) {
    pluginBuild.onLoad(
      { filter: /[\\/]kit[\\/]dist[\\/]http[\\/](undici-pool|lazy-schema-compilers)\.js$/ },
      (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(LOCAL_REQUIRE)) throw new Error(`bundle: ${args.path} no longer has ${LOCAL_REQUIRE}`);
        requiresBundled.add(basename(args.path));
        return { loader: 'js', contents: source.replace(LOCAL_REQUIRE, ''), resolveDir: dirname(args.path) };
      },
    );
  },
};

// node:http through require() everywhere, ES-module importers included (Connect's Node adapter is
// one): an ES-module import makes Node 26 build the module's whole namespace, whose lazy WebSocket
// getters load Node's bundled undici, 6 MiB more anonymous memory in every process
// (test/static/bundle-imports.test.ts keeps the bundle free of such imports).
const HTTP_BUILTIN = /^(node:)?http$/;
const httpThroughRequire = {
  name: 'node-http-through-require',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: HTTP_BUILTIN }, (args) =>
      args.namespace === 'http-through-require' ? undefined : { path: 'node:http', namespace: 'http-through-require' },
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'http-through-require' }, () => ({
      loader: 'js',
      contents: "module.exports = require('node:http');",
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [join(root, 'services/cli/dist/faces.js')],
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node26',
  minify: true,
  // For readable stack traces run with --enable-source-maps; the image does not ship the maps.
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // Bundled CommonJS packages call require() for Node's built-in modules; ES modules have none.
  banner: {
    js: "import{createRequire as __facesRequire}from'node:module';const require=__facesRequire(import.meta.url);",
  },
  plugins: [appRootBesideChunks, bundleRuntimeRequires, httpThroughRequire],
});
if (!appRootPlaced)
  throw new Error('bundle: gui/dist/node/server/app-root.js was not bundled; the GUI would not find its app');
if (requiresBundled.size !== 2)
  throw new Error(`bundle: expected the kit's two runtime requires, bundled ${[...requiresBundled].join(', ')}`);
cpSync(join(root, 'gui/dist/app'), join(outdir, 'app'), { recursive: true });
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(
  `bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024).toFixed(0)} KiB in ${outdir}`,
);
