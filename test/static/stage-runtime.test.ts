// scripts/stage-runtime.mjs on a small made-up repository: it must ship the `faces` bin's
// workspace and its @faces/* dependencies, compiled JavaScript only.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const pkg = (name: string, deps: Record<string, string> = {}) => JSON.stringify({ name, dependencies: deps });

const source = join(work, 'repo');
write(source, {
  'package.json': JSON.stringify({
    workspaces: ['services/kit', 'services/cli', 'services/extra', 'test'],
    bin: { faces: 'services/cli/dist/faces.js' },
  }),
  'package-lock.json': '{}',
  '.npmrc': 'engine-strict=true\n',
  'services/kit/package.json': pkg('@faces/kit', { fastify: '^5' }),
  'services/kit/dist/index.js': '',
  'services/kit/dist/index.test.js': '',
  'services/kit/dist/index.d.ts': '',
  'services/kit/dist/index.js.map': '',
  'services/kit/dist/.tsbuildinfo': '',
  'services/kit/dist/test/helper.js': '',
  'services/kit/src/index.ts': '',
  'services/cli/package.json': pkg('@faces/cli', { '@faces/kit': '*' }),
  'services/cli/dist/faces.js': '',
  'services/cli/dist/app/index.html': '',
  'services/extra/package.json': pkg('@faces/extra', { '@faces/kit': '*' }),
  'services/extra/dist/index.js': '',
  'test/package.json': pkg('@faces/test', { '@faces/kit': '*' }),
  'test/dist/static/x.test.js': '',
});

test('stage-runtime copies the bin workspace, its @faces dependencies and their compiled JavaScript only', () => {
  const dest = join(work, 'out');
  const result = spawnSync(process.execPath, [repoPath('scripts/stage-runtime.mjs'), dest, source], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(listed(dest), [
    '.npmrc',
    'package-lock.json',
    'package.json',
    'services/cli/dist/app/index.html',
    'services/cli/dist/faces.js',
    'services/cli/package.json',
    'services/kit/dist/index.js',
    'services/kit/package.json',
  ]);
});

test('stage-runtime refuses a workspace whose dist is missing (the build did not run)', () => {
  rmSync(join(source, 'services/kit/dist'), { recursive: true });
  const result = spawnSync(process.execPath, [repoPath('scripts/stage-runtime.mjs'), join(work, 'out2'), source], {
    encoding: 'utf8',
  });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /services\/kit\/dist is missing/);
});
