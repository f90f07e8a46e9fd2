// The GitHub workflows, checked offline: action-validator (npm, WebAssembly: no network) on both,
// then the facts the release relies on: triggers, pinned actions, least privilege, the version gate.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readYamlFile } from '../helpers/manifests.js';
import { readRepoFile, repoPath } from '../helpers/repo.js';
import { at, isObject, type Json } from '../helpers/yaml-docs.js';

const VALIDATOR = repoPath('node_modules/@action-validator/cli/cli.mjs');
const validate = (file: string) =>
  spawnSync(process.execPath, [VALIDATOR, file], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '' },
  });
const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/release.yml'];

for (const file of WORKFLOWS) {
  test(`action-validator accepts ${file}`, () => {
    const result = validate(repoPath(file));
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
}

test('action-validator refuses a workflow with a misspelt job key (near-miss)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faces-workflow-'));
  try {
    writeFileSync(join(dir, 'bad.yml'), 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n');
    const result = validate(join(dir, 'bad.yml'));
    assert.equal(result.status, 1);
    assert.match(result.stdout + result.stderr, /Additional property 'stepz' is not allowed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const [ci] = readYamlFile(WORKFLOWS[0] as string);
const [release] = readYamlFile(WORKFLOWS[1] as string);
const steps = (workflow: Json | undefined): Json[] =>
  Object.values((at(workflow, 'jobs') ?? {}) as Record<string, Json>).flatMap(
    (job) => (at(job, 'steps') ?? []) as Json[],
  );
const runs = (workflow: Json | undefined) =>
  steps(workflow)
    .map((s) => String(at(s, 'run') ?? ''))
    .join('\n');

test('ci runs bash .ci/run on push and pull_request, with read-only contents', () => {
  assert.deepEqual(Object.keys(at(ci, 'on') as object).sort(), ['pull_request', 'push']);
  assert.deepEqual(at(ci, 'permissions'), { contents: 'read' });
  assert.match(runs(ci), /^bash \.ci\/run$/m);
});

test('release runs on v* tags only', () => {
  assert.deepEqual(at(release, 'on'), { push: { tags: ['v*'] } });
});

test('every action is pinned to a full version (vX.Y.Z) or a commit', () => {
  for (const workflow of [ci, release]) {
    for (const step of steps(workflow)) {
      const uses = at(step, 'uses');
      if (uses === undefined) continue;
      assert.match(String(uses), /@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/, String(uses));
    }
  }
});

test('least privilege: read-only by default, packages: write only on the jobs that push', () => {
  assert.deepEqual(at(release, 'permissions'), { contents: 'read' });
  const jobs = at(release, 'jobs') as Record<string, Json>;
  for (const [name, job] of Object.entries(jobs)) {
    const permissions = at(job, 'permissions');
    const pushes = /push|build-push/.test(JSON.stringify(at(job, 'steps')));
    if (name === 'versions') assert.equal(permissions, undefined);
    else {
      assert.ok(pushes, `${name} pushes something`);
      assert.deepEqual(permissions, { contents: 'read', packages: 'write' }, name);
    }
  }
});

test('the release pushes the image for amd64 and arm64, the chart to oci://ghcr.io/<owner>/charts, k8s/01-base with flux', () => {
  const build = steps(release).find((s) => String(at(s, 'uses')).startsWith('docker/build-push-action@'));
  assert.equal(at(build, 'with', 'platforms'), 'linux/amd64,linux/arm64');
  assert.equal(at(build, 'with', 'push'), true);
  const text = runs(release);
  assert.match(text, /helm push "\.chart-packages\/faces-\$\{VERSION\}\.tgz" "oci:\/\/ghcr\.io\/\$\{OWNER\}\/charts"/);
  assert.match(
    text,
    /flux push artifact "oci:\/\/ghcr\.io\/\$\{OWNER\}\/faces-manifests:\$\{VERSION\}" \\\n\s+--path=k8s\/01-base/,
  );
  assert.ok(isObject(at(release, 'jobs', 'versions')));
  for (const job of ['image', 'chart', 'manifests']) {
    const needs = at(release, 'jobs', job, 'needs');
    assert.ok((Array.isArray(needs) ? needs : [needs]).includes('versions'), `${job} waits for the version gate`);
  }
});

test('the version gate passes on this tree and fails, naming each file, on another tag', () => {
  assert.match(runs(release), /node scripts\/release-versions\.mjs "\$TAG"/);
  const script = repoPath('scripts/release-versions.mjs');
  const { version } = JSON.parse(readRepoFile('package.json')) as { version: string };
  const good = spawnSync(process.execPath, [script, `v${version}`], { encoding: 'utf8' });
  assert.equal(good.status, 0, good.stderr);
  const bad = spawnSync(process.execPath, [script, 'v9.9.9'], { encoding: 'utf8' });
  assert.equal(bad.status, 1);
  for (const where of [
    'package.json version',
    'Chart.yaml version',
    'Chart.yaml appVersion',
    'k8s/01-base/kustomization.yaml newTag',
    'docker-compose.yaml image',
  ]) {
    assert.ok(bad.stderr.includes(`${where} is ${version}, the tag says 9.9.9`), `${where}:\n${bad.stderr}`);
  }
  const notATag = spawnSync(process.execPath, [script, 'main'], { encoding: 'utf8' });
  assert.equal(notATag.status, 1);
});
