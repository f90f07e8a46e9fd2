import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
// tsconfig files may hold comments; ours do not, and this test keeps it that way.
const rootPackage = readJson('package.json');
const workspaces: string[] = rootPackage.workspaces;
const nameToDir = new Map<string, string>(workspaces.map((dir) => [readJson(`${dir}/package.json`).name, dir]));

/** The project a workspace builds with: its tsconfig.json, or the GUI's server project. */
function tsconfigOf(dir: string): string | undefined {
  for (const candidate of ['tsconfig.server.json', 'tsconfig.json']) {
    const path = `${dir}/${candidate}`;
    if (existsSync(join(root, path)) && readJson(path).references !== undefined) return path;
  }
  return undefined;
}

describe('workspace wiring', () => {
  it('declares the faces command in bin, pointing into a workspace', () => {
    assert.equal(rootPackage.bin.faces, 'services/cli/dist/bundle/faces.js');
    assert.ok(workspaces.includes('services/cli'));
  });

  for (const dir of workspaces) {
    it(`${dir}: tsconfig references match its @faces dependencies`, () => {
      const pkg = readJson(`${dir}/package.json`);
      assert.equal(pkg.type, 'module', 'ESM throughout');
      const tsconfig = tsconfigOf(dir);
      if (tsconfig === undefined)
        return assert.ok(!existsSync(join(root, dir, 'src')), `${dir} has sources but no tsconfig`);
      const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) =>
        name.startsWith('@faces/'),
      );
      const expected = deps.map((name) => resolve(root, nameToDir.get(name) ?? `missing:${name}`)).sort();
      const references: { path: string }[] = readJson(tsconfig).references;
      const actual = references
        .map((reference) => resolve(root, dirname(tsconfig), reference.path))
        .map((path) => (path.endsWith('.json') ? dirname(path) : path))
        .sort();
      assert.deepEqual(actual, expected);
    });
  }

  it('the root solution references every compiled workspace', () => {
    const solution: { path: string }[] = readJson('tsconfig.json').references;
    const referenced = new Set(solution.map((reference) => reference.path.replace(/\/tsconfig\.\w+\.json$/, '')));
    for (const dir of workspaces) {
      if (tsconfigOf(dir) !== undefined) assert.ok(referenced.has(dir), `${dir} missing from tsconfig.json`);
    }
  });

  it('the strict options stay on in tsconfig.base.json', () => {
    const options = readJson('tsconfig.base.json').compilerOptions;
    assert.equal(options.strict, true);
    assert.equal(options.noUncheckedIndexedAccess, true);
    assert.equal(options.module, 'NodeNext');
  });
});
