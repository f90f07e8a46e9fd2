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

/** What each release job may do, and why: nothing more. */
const RELEASE_PERMISSIONS: Record<string, Json | undefined> = {
  versions: undefined,
  // pushes the image, signs it keylessly (an OIDC token for cosign)
  image: { contents: 'read', packages: 'write', 'id-token': 'write' },
  chart: { contents: 'read', packages: 'write', 'id-token': 'write' },
  manifests: { contents: 'read', packages: 'write' },
  executables: { contents: 'read' },
  // creates the GitHub release
  publish: { contents: 'write' },
};

test('least privilege: read-only by default; packages, id-token and contents write only on the jobs that need them', () => {
  assert.deepEqual(at(release, 'permissions'), { contents: 'read' });
  const jobs = at(release, 'jobs') as Record<string, Json>;
  assert.deepEqual(Object.keys(jobs).sort(), Object.keys(RELEASE_PERMISSIONS).sort());
  for (const [name, job] of Object.entries(jobs)) {
    const permissions = at(job, 'permissions') as Record<string, string> | undefined;
    assert.deepEqual(permissions, RELEASE_PERMISSIONS[name], name);
    const text = JSON.stringify(at(job, 'steps'));
    if (permissions?.packages === 'write') assert.match(text, /push/, `${name} has packages: write and pushes nothing`);
    if (permissions?.['id-token'] === 'write')
      assert.match(text, /cosign sign --yes/, `${name} has id-token and signs nothing`);
    if (permissions?.contents === 'write') assert.match(text, /gh release create/, `${name} has contents: write`);
  }
});

test('the image carries SBOM and provenance attestations and a keyless cosign signature by digest; the chart is signed too', () => {
  const build = steps(release).find((s) => String(at(s, 'uses')).startsWith('docker/build-push-action@'));
  assert.equal(at(build, 'with', 'sbom'), true);
  assert.equal(at(build, 'with', 'provenance'), 'mode=max');
  assert.equal(at(build, 'id'), 'build');
  const imageRuns = JSON.stringify(at(release, 'jobs', 'image', 'steps'));
  assert.match(imageRuns, /steps\.build\.outputs\.digest/);
  assert.match(imageRuns, /cosign sign --yes \\"\$\{IMAGE\}@\$\{DIGEST\}\\"/);
  const chartRuns = JSON.stringify(at(release, 'jobs', 'chart', 'steps'));
  assert.match(chartRuns, /cosign sign --yes \\"ghcr\.io\/\$\{OWNER\}\/charts\/faces@/);
  for (const job of ['image', 'chart']) {
    const uses = ((at(release, 'jobs', job, 'steps') ?? []) as Json[]).map((s) => String(at(s, 'uses') ?? ''));
    assert.ok(
      uses.some((u) => u.startsWith('sigstore/cosign-installer@')),
      `${job} installs cosign`,
    );
  }
  // Keyless: no key file or key secret anywhere.
  assert.doesNotMatch(runs(release), /--key\b|COSIGN_PRIVATE_KEY/);
});

test('each executable is built and smoke-tested on a runner of its own system, then published with SHA256SUMS', () => {
  const job = at(release, 'jobs', 'executables');
  const targets = (at(job, 'strategy', 'matrix', 'include') ?? []) as Json[];
  assert.deepEqual(
    targets.map((t) => [at(t, 'runner'), at(t, 'file')]),
    [
      ['ubuntu-24.04', 'faces-linux-x64'],
      ['ubuntu-24.04-arm', 'faces-linux-arm64'],
      ['macos-14', 'faces-darwin-arm64'],
      ['windows-2025', 'faces-win-x64.exe'],
    ],
  );
  assert.match(String(at(job, 'runs-on')), /^\$\{\{ matrix\.runner \}\}$/);
  const text = ((at(job, 'steps') ?? []) as Json[]).map((s) => String(at(s, 'run') ?? '')).join('\n');
  const build = text.search(/node scripts\/build-sea\.mjs "dist\/\$\{\{ matrix\.file \}\}"/);
  const smoke = text.search(/node scripts\/smoke-executable\.mjs "dist\/\$\{\{ matrix\.file \}\}"/);
  assert.ok(build >= 0 && smoke > build, text);
  const publish = at(release, 'jobs', 'publish');
  assert.deepEqual(at(publish, 'needs'), ['versions', 'image', 'chart', 'manifests', 'executables']);
  const publishRuns = ((at(publish, 'steps') ?? []) as Json[]).map((s) => String(at(s, 'run') ?? '')).join('\n');
  assert.match(publishRuns, /bash scripts\/dist\.sh chart flux sbom/);
  assert.match(publishRuns, /gh release create "\$TAG" dist\/\*/);
  // dist.sh writes SHA256SUMS over every file in dist/, so the release carries it.
  assert.match(readRepoFile('scripts/dist.sh'), /sha256sum -- \* >SHA256SUMS/);
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
