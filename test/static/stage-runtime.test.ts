// scripts/stage-runtime.mjs on a small made-up repository: it must ship the `faces` bundle
// alone (no maps, no workspaces, no dependencies to install).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { repoPath } from '../helpers/repo.js';

const work = mkdtempSync(join(tmpdir(), 'faces-stage-'));
after(() => rmSync(work, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function listed(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listed(path).map((p) => join(name, p)) : [name];
    })
    .sort();
}

const source = join(work, 'repo');
write(source, {
  'package.json': JSON.stringify({
    name: 'faces',
    version: '9.8.7',
    type: 'module',
    license: 'Apache-2.0',
    workspaces: ['services/kit', 'services/cli', 'test'],
    bin: { faces: 'services/cli/dist/bundle/faces.js' },
    devDependencies: { typescript: '^5' },
  }),
  'package-lock.json': '{}',
  'services/kit/package.json': JSON.stringify({ name: '@faces/kit', dependencies: { fastify: '^5' } }),
  'services/kit/dist/index.js': '',
  'services/cli/dist/faces.js': '',
  'services/cli/dist/bundle/faces.js': '',
  'services/cli/dist/bundle/faces.js.map': '',
  'services/cli/dist/bundle/chunk-ABC.js': '',
  'services/cli/dist/bundle/chunk-ABC.js.map': '',
  'services/cli/dist/bundle/app/index.html': '',
  'services/cli/dist/bundle/app/assets/index-1.js': '',
  'test/dist/static/x.test.js': '',
});

test('stage-runtime copies the bundle without its maps, and a package.json that makes it ES modules', () => {
  const dest = join(work, 'out');
  const result = spawnSync(process.execPath, [repoPath('scripts/stage-runtime.mjs'), dest, source], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(listed(dest), [
    'package.json',
    'services/cli/dist/bundle/app/assets/index-1.js',
    'services/cli/dist/bundle/app/index.html',
    'services/cli/dist/bundle/chunk-ABC.js',
    'services/cli/dist/bundle/faces.js',
  ]);
  const staged = JSON.parse(readFileSync(join(dest, 'package.json'), 'utf8'));
  assert.deepEqual(staged, {
    name: 'faces',
    version: '9.8.7',
    private: true,
    type: 'module',
    license: 'Apache-2.0',
    bin: { faces: 'services/cli/dist/bundle/faces.js' },
  });
});

test('stage-runtime refuses to stage when the bundle is missing (the build did not run)', () => {
  rmSync(join(source, 'services/cli/dist/bundle'), { recursive: true });
  const result = spawnSync(process.execPath, [repoPath('scripts/stage-runtime.mjs'), join(work, 'out2'), source], {
    encoding: 'utf8',
  });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /services\/cli\/dist\/bundle\/faces\.js is missing/);
});
