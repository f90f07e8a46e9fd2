// Chart.yaml carries the root package.json version; `helm lint --strict` passes with the defaults
// and with every optional part on; `helm package` writes faces-<version>.tgz to a git-ignored folder.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CHART, EVERYTHING, helm } from '../helpers/helm.js';
import { readYamlFile } from '../helpers/manifests.js';
import { readRepoFile, repoPath } from '../helpers/repo.js';
import { at } from '../helpers/yaml-docs.js';

const version = (JSON.parse(readRepoFile('package.json')) as { version: string }).version;
const [chart] = readYamlFile('charts/faces/Chart.yaml');

test("Chart.yaml: apiVersion v2, version and appVersion are package.json's, kubeVersion >=1.25.0-0", () => {
  assert.equal(at(chart, 'apiVersion'), 'v2');
  assert.equal(at(chart, 'name'), 'faces');
  assert.equal(at(chart, 'version'), version);
  assert.equal(at(chart, 'appVersion'), version);
  assert.equal(at(chart, 'kubeVersion'), '>=1.25.0-0');
});

test('helm is v4', () => {
  assert.match(helm(['version', '--short']).stdout, /^v4\./);
});

for (const [name, args] of [
  ['the defaults', []],
  ['every optional part on', EVERYTHING],
  ['Argo Rollouts, canary with the Gateway API plugin', ['--set', 'rollouts.enabled=true']],
  ['Argo Rollouts, blueGreen', ['--set', 'rollouts.enabled=true', '--set', 'rollouts.strategy=blueGreen']],
] as const) {
  test(`helm lint --strict passes with ${name}`, () => {
    const result = helm(['lint', '--strict', CHART, ...args]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /1 chart\(s\) linted, 0 chart\(s\) failed/);
  });
}

test('helm lint --strict fails on a bad value (near-miss)', () => {
  const result = helm(['lint', '--strict', CHART, '--set', 'gui.serviceType=Foo']);
  assert.notEqual(result.status, 0);
});

test(`helm package writes .chart-packages/faces-${version}.tgz, which git ignores`, () => {
  const out = repoPath('.chart-packages');
  const file = join(out, `faces-${version}.tgz`);
  rmSync(file, { force: true });
  const result = helm(['package', CHART, '--destination', out]);
  assert.equal(result.status, 0, result.stderr);
  assert.ok(existsSync(file), result.stdout);
  const ignored = spawnSync('git', ['check-ignore', '-q', file], { cwd: repoPath() });
  assert.equal(ignored.status, 0, 'git check-ignore: the package must not be committed');
  // The package carries checks.json: a bad value still fails with its one line.
  const bad = helm(['template', 'faces', file, '--set', 'gui.numberRow=3']);
  assert.match(bad.stderr, /gui\.numberRow is not a value of this chart; did you mean gui\.numberRows\?/);
});
