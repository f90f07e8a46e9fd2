// The workshop's Flux setup applied to our base exactly as Flux does it: its ignore rules pick
// the files, its two JSON patches change ERROR_FRACTION. Flux uses kustomize v5, and so do we.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fluxRender, fluxSource, ignoredBy, keptFiles } from '../helpers/flux.js';
import { BACKENDS, envOf, find, parseRendered, readYamlFile } from '../helpers/manifests.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const [workshopRepo, workshopKustomization] = readYamlFile('test/static/fixtures/workshop-faces-sync.yaml');
const workshop = fluxSource(workshopRepo as Json, workshopKustomization as Json);

function renderOrThrow(source: typeof workshop): Json[] {
  const result = fluxRender(source);
  assert.equal(result.status, 0, result.stderr);
  return parseRendered(result.stdout, 'flux render');
}

const unpatched = renderOrThrow({ ...workshop, patches: [] });
const patched = renderOrThrow(workshop);

const IGNORE_CASES: { path: string; ignored: boolean }[] = [
  { path: 'k8s/01-base/faces.yaml', ignored: false },
  { path: 'k8s/01-base/faces-gui.yaml', ignored: false },
  { path: 'k8s/01-base/face-profile.yaml', ignored: false },
  { path: 'k8s/01-base/kustomization.yaml', ignored: true },
  { path: 'k8s/01-base/faces.yml', ignored: true },
  { path: 'k8s/01-base/extra/face-profile.yaml', ignored: true },
  { path: 'k8s/examples/flux/faces-sync.yaml', ignored: true },
  { path: 'README.md', ignored: true },
  { path: 'services/face/src/app.ts', ignored: true },
];

for (const { path, ignored } of IGNORE_CASES) {
  test(`the workshop's ignore rules ${ignored ? 'drop' : 'keep'} ${path}`, () => {
    assert.equal(ignoredBy(workshop.ignore)(path), ignored);
  });
}

test('Flux receives exactly the five base files, and kustomization.yaml lists the same five', () => {
  const kept = keptFiles(workshop.ignore);
  assert.deepEqual(kept, [
    'k8s/01-base/color-profile.yaml',
    'k8s/01-base/face-profile.yaml',
    'k8s/01-base/faces-gui.yaml',
    'k8s/01-base/faces.yaml',
    'k8s/01-base/smiley-profile.yaml',
  ]);
  const [kustomization] = readYamlFile('k8s/01-base/kustomization.yaml');
  const listed = (at(kustomization, 'resources') as string[]).map((file) => `k8s/01-base/${file}`).sort();
  assert.deepEqual(listed, kept);
});

for (const name of BACKENDS) {
  test(`the workshop's patch makes ${name}'s env[1] ERROR_FRACTION="0" and keeps env[0] and the rest`, () => {
    const before = envOf(find(unpatched, 'Deployment', name)) ?? [];
    const after = envOf(find(patched, 'Deployment', name)) ?? [];
    assert.deepEqual(after[1], { name: 'ERROR_FRACTION', value: '0' });
    assert.deepEqual(after[0], { name: 'FACES_SERVICE', value: name });
    assert.deepEqual(after.slice(2), before.slice(2));
    assert.equal(after.length, before.length);
  });
}

test("the workshop's patch gives faces-gui exactly the patched env", () => {
  assert.deepEqual(envOf(find(patched, 'Deployment', 'faces-gui')), [
    { name: 'ERROR_FRACTION', value: '0' },
    { name: 'COLOR_foo', value: 'blue' },
  ]);
});

test('the patches change nothing but those env entries', () => {
  const withoutEnv = (objects: Json[]) =>
    objects.map((object) => {
      const copy = structuredClone(object);
      const container = at(copy, 'spec', 'template', 'spec', 'containers', 0);
      if (container !== undefined && typeof container === 'object' && container !== null && !Array.isArray(container)) {
        const env = container.env;
        if (Array.isArray(env))
          container.env = env.filter((v) => at(v, 'name') !== 'ERROR_FRACTION' && at(v, 'name') !== 'COLOR_foo');
        if (Array.isArray(container.env) && container.env.length === 0) delete container.env;
      }
      return copy;
    });
  assert.deepEqual(withoutEnv(patched), withoutEnv(unpatched));
});

// The demo's later steps edit the same line: 75 fails the canary, 20 passes it.
for (const value of ['75', '20']) {
  test(`the workshop's edit to ERROR_FRACTION="${value}" reaches all three backends`, () => {
    const source = structuredClone(workshop);
    const patch = (source.patches as Json[])[0] as { patch: string };
    patch.patch = patch.patch.replace('value: "0"', `value: "${value}"`);
    const objects = renderOrThrow(source);
    for (const name of BACKENDS)
      assert.deepEqual(envOf(find(objects, 'Deployment', name))?.[1], { name: 'ERROR_FRACTION', value });
  });
}

// Near-misses: the renders that must fail, so a broken base or patch is caught before Flux.
const FAILING: { name: string; from: string; to: string }[] = [
  { name: 'a replace at an env index that does not exist', from: 'env/1', to: 'env/7' },
  {
    name: 'a replace at a misspelt path',
    from: '/spec/template/spec/containers/0/env/1',
    to: '/spec/template/spec/container/0/env/1',
  },
  {
    name: 'an add under a container that does not exist',
    from: '/spec/template/spec/containers/0/env\n',
    to: '/spec/template/spec/containers/1/env\n',
  },
];

for (const { name, from, to } of FAILING) {
  test(`kustomize refuses ${name}`, () => {
    const source = structuredClone(workshop);
    const text = JSON.stringify(source.patches);
    const changed = text.replace(JSON.stringify(from).slice(1, -1), JSON.stringify(to).slice(1, -1));
    assert.notEqual(changed, text, `the near-miss edit applies (${from})`);
    const result = fluxRender({ ...source, patches: JSON.parse(changed) as Json });
    assert.notEqual(result.status, 0, 'the render should fail');
    assert.match(result.stderr, /error/i);
  });
}

test("an env block in the base faces-gui would be silently replaced by the workshop's add: so it has none", () => {
  const result = fluxRender(workshop, (root) => {
    const file = join(root, 'k8s/01-base/faces-gui.yaml');
    const env = '\n          args: [gui]\n          env:\n            - name: HIDE_KEY\n              value: "true"';
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n          args: [gui]', env));
  });
  // RFC 6902: `add` on an existing member replaces it. The render passes and HIDE_KEY is lost.
  assert.equal(result.status, 0, result.stderr);
  const env = envOf(find(parseRendered(result.stdout, 'flux render'), 'Deployment', 'faces-gui'));
  assert.deepEqual(
    env?.map((v) => v.name),
    ['ERROR_FRACTION', 'COLOR_foo'],
  );
});

test("our Flux example keeps the workshop's ignore rules and patches exactly", () => {
  const [repo, kustomization] = readYamlFile('k8s/examples/flux/faces-sync.yaml');
  const ours = fluxSource(repo as Json, kustomization as Json);
  assert.equal(ours.ignore, workshop.ignore);
  assert.deepEqual(ours.patches, workshop.patches);
  assert.equal(ours.targetNamespace, workshop.targetNamespace);
  assert.equal(
    ours.path.replace(/^\.\//, '').replace(/\/$/, ''),
    workshop.path.replace(/^\.\//, '').replace(/\/$/, ''),
  );
});
