// One image and one tag everywhere: kustomization.yaml `images:` (where kustomize users change it),
// the plain manifests (what Flux applies), docker-compose.yaml, the Makefile, package.json, the
// chart (charts/faces) and the release workflow.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { renderChart } from '../helpers/helm.js';
import { kustomize } from '../helpers/kubectl.js';
import { parseRendered, readYamlFile, WORKLOADS } from '../helpers/manifests.js';
import { readRepoFile, repoPath } from '../helpers/repo.js';
import { at, type Json } from '../helpers/yaml-docs.js';

export interface ImageRef {
  readonly name: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/** Splits an image reference; a colon in the registry host (localhost:5000) is not a tag. */
export function parseImage(ref: string): ImageRef {
  const [withoutDigest = '', digest] = ref.split('@');
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  return {
    name: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    tag: hasTag ? withoutDigest.slice(colon + 1) : undefined,
    digest,
  };
}

const IMAGE_CASES: { ref: string; expected: ImageRef }[] = [
  {
    ref: 'ghcr.io/faces-demo/faces:0.1.0',
    expected: { name: 'ghcr.io/faces-demo/faces', tag: '0.1.0', digest: undefined },
  },
  { ref: 'localhost:5000/faces:1.2', expected: { name: 'localhost:5000/faces', tag: '1.2', digest: undefined } },
  { ref: 'localhost:5000/faces', expected: { name: 'localhost:5000/faces', tag: undefined, digest: undefined } },
  { ref: 'faces@sha256:abc', expected: { name: 'faces', tag: undefined, digest: 'sha256:abc' } },
  { ref: 'faces:0.1.0@sha256:abc', expected: { name: 'faces', tag: '0.1.0', digest: 'sha256:abc' } },
];

for (const { ref, expected } of IMAGE_CASES) {
  test(`parseImage reads ${ref}`, () => {
    assert.deepEqual(parseImage(ref), expected);
  });
}

const [kustomization] = readYamlFile('k8s/01-base/kustomization.yaml');
const images = at(kustomization, 'images') as Json[];
const version = (JSON.parse(readRepoFile('package.json')) as { version: string }).version;
const plain = [...readYamlFile('k8s/01-base/faces.yaml'), ...readYamlFile('k8s/01-base/faces-gui.yaml')];

test('kustomization.yaml names one image, with a tag and no rename', () => {
  assert.equal(images.length, 1);
  assert.deepEqual(Object.keys(images[0] as object).sort(), ['name', 'newTag']);
});

const expected = `${at(images[0], 'name')}:${at(images[0], 'newTag')}`;

test("the image tag is the root package.json's version", () => {
  assert.equal(at(images[0], 'newTag'), version);
});

for (const workload of WORKLOADS) {
  test(`the plain manifest runs ${workload} from ${expected}, as kustomization.yaml says`, () => {
    const deployment = plain.find((o) => at(o, 'kind') === 'Deployment' && at(o, 'metadata', 'name') === workload);
    const containers = at(deployment, 'spec', 'template', 'spec', 'containers') as Json[];
    assert.deepEqual(
      containers.map((c) => at(c, 'image')),
      [expected],
    );
  });

  test(`docker-compose.yaml runs ${workload} from ${expected}`, () => {
    const [compose] = readYamlFile('docker-compose.yaml');
    assert.equal(at(compose, 'services', workload, 'image'), expected);
  });
}

test('make images tags the same image name and the package.json version', () => {
  const makefile = readRepoFile('Makefile');
  assert.match(makefile, new RegExp(`^IMAGE \\?= ${parseImage(expected).name.replace(/[.]/g, '\\.')}$`, 'm'));
  assert.match(makefile, /^TAG \?= \$\(shell node -p "require\('\.\/package\.json'\)\.version"\)$/m);
});

test('a GitOps overlay that sets images: moves every workload to the new image', () => {
  const overlay = mkdtempSync(join(tmpdir(), 'faces-overlay-'));
  try {
    writeFileSync(
      join(overlay, 'kustomization.yaml'),
      stringify({
        resources: [relative(overlay, repoPath('k8s/01-base'))],
        images: [{ name: parseImage(expected).name, newName: 'registry.example.com/team/faces', newTag: '9.9.9' }],
      }),
    );
    const result = kustomize(overlay);
    assert.equal(result.status, 0, result.stderr);
    const deployments = parseRendered(result.stdout, 'overlay').filter((o) => at(o, 'kind') === 'Deployment');
    assert.equal(deployments.length, WORKLOADS.length);
    for (const d of deployments) {
      assert.equal(
        at(d, 'spec', 'template', 'spec', 'containers', 0, 'image'),
        'registry.example.com/team/faces:9.9.9',
      );
    }
  } finally {
    rmSync(overlay, { recursive: true, force: true });
  }
});

test("the chart's version and appVersion are package.json's, and every workload defaults to the same image", () => {
  const [chart] = readYamlFile('charts/faces/Chart.yaml');
  assert.equal(at(chart, 'version'), version);
  assert.equal(at(chart, 'appVersion'), version);
  const deployments = renderChart(['--set', 'loadtester.enabled=true']).filter((o) => at(o, 'kind') === 'Deployment');
  assert.equal(deployments.length, WORKLOADS.length + 1);
  for (const d of deployments) assert.equal(at(d, 'spec', 'template', 'spec', 'containers', 0, 'image'), expected);
});

test("the release workflow pushes the image under the same name (the owner's) and the tag's version", () => {
  const [release] = readYamlFile('.github/workflows/release.yml');
  const text = JSON.stringify(release);
  const { name } = parseImage(expected);
  const [registry, owner, repository] = name.split('/');
  assert.ok(
    text.includes(
      `"tags":"${registry}/\${{ needs.versions.outputs.owner }}/${repository}:\${{ needs.versions.outputs.version }}"`,
    ),
  );
  // A fork releases under its own owner: the chart and manifests it publishes are pointed there.
  const rewrites = text.match(/sed -i \\"s#([^#]+)#([^#]+)#g\\"/g) ?? [];
  assert.equal(rewrites.length, 2);
  for (const rewrite of rewrites) {
    assert.ok(rewrite.includes(`s#${registry}/${owner}/${repository}#${registry}/\${OWNER}/${repository}#g`), rewrite);
  }
});
