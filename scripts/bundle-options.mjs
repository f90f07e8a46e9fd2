// The esbuild settings scripts/bundle.mjs (the bundle faces runs from) and scripts/build-sea.mjs
// (the single executable) share: the plugins that make the kit and the GUI bundle, and the checks
// that each did its job. Why each plugin exists: see its comment.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/**
 * Options for one build. `appRootContents` is the module that replaces the GUI's app-root.js
 * (where the GUI's built app is found).
 */
export function facesBuild(appRootContents) {
  let appRootPlaced = false;
  const appRoot = {
    name: 'gui-app-root',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]gui[\\/]dist[\\/]node[\\/]server[\\/]app-root\.js$/ }, () => {
        appRootPlaced = true;
        return { loader: 'js', contents: appRootContents };
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
        args.namespace === 'http-through-require'
          ? undefined
          : { path: 'node:http', namespace: 'http-through-require' },
      );
      pluginBuild.onLoad({ filter: /.*/, namespace: 'http-through-require' }, () => ({
        loader: 'js',
        contents: "module.exports = require('node:http');",
      }));
    },
  };

  return {
    options: {
      entryPoints: [join(root, 'services/cli/dist/faces.js')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node26',
      minify: true,
      metafile: true,
      logLevel: 'warning',
      define: { FACES_BUNDLE_VERSION: JSON.stringify(version) },
      // Bundled CommonJS packages call require() for Node's built-in modules; ES modules have none.
      banner: {
        js: "import{createRequire as __facesRequire}from'node:module';const require=__facesRequire(import.meta.url);",
      },
      plugins: [appRoot, bundleRuntimeRequires, httpThroughRequire],
    },
    /** Throws unless every plugin found what it replaces. */
    check() {
      if (!appRootPlaced)
        throw new Error('bundle: gui/dist/node/server/app-root.js was not bundled; the GUI would not find its app');
      if (requiresBundled.size !== 2)
        throw new Error(`bundle: expected the kit's two runtime requires, bundled ${[...requiresBundled].join(', ')}`);
    },
  };
}
