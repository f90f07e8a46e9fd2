// Every object we ship, validated offline and strictly: Kubernetes and Flux objects against the
// kubernetes-models schemas plus an unknown-field check, ServiceProfiles and Canaries against
// schemas of the fields we use (test/helpers/crd-schemas.ts).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { fluxRender, fluxSource } from '../helpers/flux.js';
import { validateObject } from '../helpers/k8s-validate.js';
import { BACKENDS, find, parseRendered, readYamlFile, renderBase } from '../helpers/manifests.js';
import { at, type Json, type Loose } from '../helpers/yaml-docs.js';

const base = renderBase();
const [workshopRepo, workshopKustomization] = readYamlFile('test/static/fixtures/workshop-faces-sync.yaml');
const workshopRender = fluxRender(fluxSource(workshopRepo as Json, workshopKustomization as Json));
const EXAMPLES = [
  'k8s/examples/flux/faces-sync.yaml',
  'k8s/examples/flagger/faces-canary.yaml',
  'k8s/examples/flagger/faces-abtest.yaml',
  'k8s/examples/argo-rollouts/notifications.yaml',
  'k8s/examples/mcp/faces-mcp.yaml',
];

const label = (o: Json) => `${at(o, 'kind')} ${at(o, 'metadata', 'name')}`;
const hooks = (canary: Json) => at(canary, 'spec', 'analysis', 'webhooks') as Json[];
/** The load webhooks: every one but the GUI's event webhook. */
const loadHooks = (canary: Json) => hooks(canary).filter((hook) => at(hook, 'type') !== 'event');

for (const object of base) {
  test(`the base's ${label(object)} is valid and has no unknown fields`, () => {
    assert.deepEqual(validateObject(object), []);
  });
}

test("the base with the workshop's patches is valid", () => {
  assert.equal(workshopRender.status, 0, workshopRender.stderr);
  const problems = parseRendered(workshopRender.stdout, 'workshop render').flatMap(validateObject);
  assert.deepEqual(problems, []);
});

for (const file of EXAMPLES) {
  for (const object of readYamlFile(file)) {
    test(`${file}: ${label(object)} is valid and has no unknown fields`, () => {
      assert.deepEqual(validateObject(object), []);
    });
  }
}

const canaries = [...readYamlFile(EXAMPLES[1] as string), ...readYamlFile(EXAMPLES[2] as string)];

test('a Canary exists for each backend (linkerd) and an A/B test for faces-gui (nginx)', () => {
  const byTarget = canaries.map((c) => [at(c, 'spec', 'targetRef', 'name'), at(c, 'spec', 'provider')]);
  assert.deepEqual(byTarget, [...BACKENDS.map((name) => [name, 'linkerd']), ['faces-gui', 'nginx']]);
});

for (const canary of canaries) {
  const name = String(at(canary, 'metadata', 'name'));
  test(`the ${name} Canary targets a base Deployment and its named port, and needs 70 % success`, () => {
    find(base, 'Deployment', String(at(canary, 'spec', 'targetRef', 'name')));
    assert.equal(at(canary, 'spec', 'service', 'port'), 80);
    assert.equal(at(canary, 'spec', 'service', 'targetPort'), 'http');
    const metrics = at(canary, 'spec', 'analysis', 'metrics') as Json[];
    assert.deepEqual(at(metrics[0], 'thresholdRange'), { min: 70 });
  });

  test(`the ${name} Canary loads through faces-loadtester.faces with \`faces load\``, () => {
    const webhooks = loadHooks(canary);
    assert.ok(webhooks.length > 0);
    for (const hook of webhooks) {
      assert.equal(at(hook, 'url'), 'http://faces-loadtester.faces/');
      assert.match(String(at(hook, 'metadata', 'cmd')), /^faces load -z \S+ -q \d+ -c \d+ /);
    }
  });
}

for (const canary of canaries) {
  const name = String(at(canary, 'metadata', 'name'));
  test(`the ${name} Canary sends its events to the GUI (http://faces-gui.faces/events), once`, () => {
    const events = hooks(canary).filter((hook) => at(hook, 'type') === 'event');
    assert.deepEqual(
      events.map((hook) => at(hook, 'url')),
      ['http://faces-gui.faces/events'],
    );
    const maxWeight = at(canary, 'spec', 'analysis', 'maxWeight');
    // The banner's bar needs the maximum; metadata values are strings (Flagger's map[string]string).
    assert.equal(at(events[0], 'metadata', 'maxWeight'), maxWeight === undefined ? undefined : String(maxWeight));
  });
}

for (const name of BACKENDS) {
  test(`the ${name} canary's load goes to http://${name}-canary.faces/, the Service Flagger creates`, () => {
    const canary = canaries.find((c) => at(c, 'metadata', 'name') === name);
    const cmd = String(at(canary, 'spec', 'analysis', 'webhooks', 0, 'metadata', 'cmd'));
    assert.ok(cmd.endsWith(` http://${name}-canary.faces/`), cmd);
  });
}

test('the A/B test routes x-faces-user: testuser to the new GUI, and loads both routes', () => {
  const ab = canaries.find((c) => at(c, 'metadata', 'name') === 'faces-gui');
  assert.deepEqual(at(ab, 'spec', 'analysis', 'match'), [{ headers: { 'x-faces-user': { exact: 'testuser' } } }]);
  const cmds = loadHooks(ab as Json).map((h) => String(at(h, 'metadata', 'cmd')));
  assert.ok(cmds.some((cmd) => cmd.includes("-H 'x-faces-user: testuser'")));
  assert.ok(cmds.some((cmd) => !cmd.includes('testuser')));
});

// Near-misses: one wrong field each; every one must be reported.
const deployment = find(base, 'Deployment', 'smiley');
const profile = find(base, 'ServiceProfile', 'smiley.faces.svc.cluster.local');
const [gitRepository] = readYamlFile(EXAMPLES[0] as string);

function mutated(object: Json, edit: (copy: Loose) => void): Json {
  const copy = structuredClone(object) as Loose;
  edit(copy);
  return copy as Json;
}

const BROKEN: { name: string; object: Json; problem: RegExp }[] = [
  {
    name: 'a misspelt probe field (readinessprobe)',
    object: mutated(deployment, (d) => {
      d.spec.template.spec.containers[0].readinessprobe = d.spec.template.spec.containers[0].readinessProbe;
    }),
    problem: /containers\/0\/readinessprobe: unknown field/,
  },
  {
    name: 'an unknown field deep inside a probe',
    object: mutated(deployment, (d) => {
      d.spec.template.spec.containers[0].livenessProbe.httpGet.pathh = '/healthz';
    }),
    problem: /httpGet\/pathh: unknown field/,
  },
  {
    name: 'an env value written as a number',
    object: mutated(deployment, (d) => {
      d.spec.template.spec.containers[0].env[1].value = 20;
    }),
    problem: /env\/1\/value must be string/,
  },
  {
    name: 'a Service port as a string',
    object: mutated(find(base, 'Service', 'face'), (s) => {
      s.spec.ports[0].port = '80';
    }),
    problem: /ports\/0\/port must be integer/,
  },
  {
    name: 'a Deployment without a selector',
    object: mutated(deployment, (d) => {
      delete d.spec.selector;
    }),
    problem: /must have required property '?selector'?/,
  },
  {
    name: 'a ServiceProfile route with isRetriable (sic)',
    object: mutated(profile, (p) => {
      p.spec.routes[0].isRetriable = true;
    }),
    problem: /must NOT have additional properties.*isRetriable/,
  },
  {
    name: 'a Canary with analysis.treshold (sic)',
    object: mutated(canaries[0] as Json, (c) => {
      c.spec.analysis.treshold = 3;
    }),
    problem: /must NOT have additional properties.*treshold/,
  },
  {
    name: 'a Canary webhook of an unknown type',
    object: mutated(canaries[0] as Json, (c) => {
      c.spec.analysis.webhooks[0].type = 'rollouts';
    }),
    problem: /must be equal to one of the allowed values/,
  },
  {
    name: 'a GitRepository with spec.ignores (sic)',
    object: mutated(gitRepository as Json, (g) => {
      g.spec.ignores = g.spec.ignore;
    }),
    problem: /spec\/ignores: unknown field/,
  },
  {
    name: 'an object of a kind we have no schema for',
    object: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'x' } },
    problem: /no schema for this kind/,
  },
];

for (const { name, object, problem } of BROKEN) {
  test(`validation reports ${name}`, () => {
    const problems = validateObject(object);
    assert.ok(
      problems.some((p) => problem.test(p)),
      `expected ${problem}, got ${JSON.stringify(problems)}`,
    );
  });
}
