// Every object the chart renders, validated offline with the checks the base gets
// (test/helpers/k8s-validate.ts): built-in kinds strictly, Canary and HTTPRoute against CRD schemas.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { EVERYTHING, renderChart, WORKSHOP_LINES } from '../helpers/helm.js';
import { validateObject } from '../helpers/k8s-validate.js';
import { container0, find } from '../helpers/manifests.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const RENDERS: Record<string, readonly string[]> = {
  defaults: [],
  ...WORKSHOP_LINES,
  'every optional part': EVERYTHING,
};

for (const [name, args] of Object.entries(RENDERS)) {
  test(`${name}: every rendered object is valid and has no unknown fields`, () => {
    const objects = renderChart(args);
    assert.ok(objects.length >= 8);
    assert.deepEqual(objects.flatMap(validateObject), []);
  });
}

const everything = renderChart(EVERYTHING);
const kinds = (objects: readonly Json[]) => objects.map((o) => `${at(o, 'kind')}/${at(o, 'metadata', 'name')}`).sort();

test('every optional part renders its objects, and none renders by default', () => {
  const optional = [
    'Canary/color',
    'Canary/face',
    'Canary/faces-gui',
    'Canary/smiley',
    'Deployment/faces-loadtester',
    'HTTPRoute/faces-gui',
    'HorizontalPodAutoscaler/face',
    'Ingress/faces-gui',
    'PodDisruptionBudget/face',
    'Service/faces-loadtester',
    'Deployment/faces-mcp',
    'Service/faces-mcp',
  ];
  const all = kinds(everything);
  for (const k of optional) assert.ok(all.includes(k), k);
  const defaults = kinds(renderChart());
  assert.deepEqual(
    defaults.filter((k) => optional.includes(k)),
    [],
  );
});

test('every pod is non-root, read-only, drops ALL capabilities, uses RuntimeDefault seccomp and no service links', () => {
  for (const d of everything.filter((o) => at(o, 'kind') === 'Deployment')) {
    const spec = at(d, 'spec', 'template', 'spec');
    const name = String(at(d, 'metadata', 'name'));
    assert.equal(at(spec, 'enableServiceLinks'), false, name);
    assert.equal(at(spec, 'terminationGracePeriodSeconds'), 30, name);
    assert.equal(at(spec, 'securityContext', 'runAsNonRoot'), true, name);
    assert.equal(at(spec, 'securityContext', 'seccompProfile', 'type'), 'RuntimeDefault', name);
    const c = container0(d);
    assert.deepEqual(at(c, 'securityContext'), {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    assert.ok(
      at(c, 'resources', 'requests', 'cpu') !== undefined && at(c, 'resources', 'limits', 'memory') !== undefined,
      name,
    );
    // Metrics are scraped on the container's port: 8000, faces-mcp's 3000.
    assert.deepEqual(at(d, 'spec', 'template', 'metadata', 'annotations'), {
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(at(c, 'ports', 0, 'containerPort')),
      'prometheus.io/path': '/metrics',
    });
    assert.equal(at(c, 'ports', 0, 'containerPort'), name === 'faces-mcp' ? 3000 : 8000, name);
  }
});

test("the Canaries are the workshop's: Linkerd, 5 % steps to 50 %, 70 % success, load from faces-loadtester", () => {
  for (const name of ['face', 'smiley', 'color']) {
    const c = find(everything, 'Canary', name);
    assert.equal(at(c, 'spec', 'provider'), 'linkerd');
    assert.equal(at(c, 'spec', 'analysis', 'stepWeight'), 5);
    assert.equal(at(c, 'spec', 'analysis', 'maxWeight'), 50);
    assert.deepEqual(at(c, 'spec', 'analysis', 'metrics', 0, 'thresholdRange'), { min: 70 });
    assert.equal(at(c, 'spec', 'analysis', 'webhooks', 0, 'url'), 'http://faces-loadtester.faces/');
    assert.equal(
      at(c, 'spec', 'analysis', 'webhooks', 0, 'metadata', 'cmd'),
      `faces load -z 2m -q 10 -c 2 http://${name}-canary.faces/`,
    );
  }
  assert.deepEqual(at(find(everything, 'Canary', 'face'), 'spec', 'autoscalerRef'), {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    name: 'face',
  });
  assert.equal(at(find(everything, 'Deployment', 'face'), 'spec', 'replicas'), undefined, 'the HPA owns replicas');
});

test('the A/B test routes x-faces-user: testuser on the GUI Ingress and loads both routes', () => {
  const ab = find(everything, 'Canary', 'faces-gui');
  assert.equal(at(ab, 'spec', 'provider'), 'nginx');
  assert.equal(at(ab, 'spec', 'ingressRef', 'name'), at(find(everything, 'Ingress', 'faces-gui'), 'metadata', 'name'));
  assert.deepEqual(at(ab, 'spec', 'analysis', 'match'), [{ headers: { 'x-faces-user': { exact: 'testuser' } } }]);
  const cmds = (at(ab, 'spec', 'analysis', 'webhooks') as Json[]).map((h) => String(at(h, 'metadata', 'cmd')));
  assert.ok(cmds.some((cmd) => cmd.includes("-H 'x-faces-user: testuser' -host faces.example.com ")));
  assert.ok(cmds.some((cmd) => !cmd.includes('testuser')));
});

test('the load tester matches k8s/loadtester: its namespace only, a gate file on an emptyDir', () => {
  const d = find(everything, 'Deployment', 'faces-loadtester');
  assert.equal(at(d, 'spec', 'replicas'), 1);
  const env = Object.fromEntries(
    (at(container0(d), 'env') as { name: string; value: string }[]).map((v) => [v.name, v.value]),
  );
  assert.deepEqual(env, {
    FACES_SERVICE: 'loadtester',
    NAMESPACE_REGEXP: '^faces$',
    GATES_FILE: '/var/lib/faces-loadtester/gates.json',
    TASK_TIMEOUT_SECONDS: '3600',
  });
});

test("every Canary sends Flagger's events to this release's GUI once (the rollout banner)", () => {
  for (const name of ['face', 'smiley', 'color', 'faces-gui']) {
    const hooks = at(find(everything, 'Canary', name), 'spec', 'analysis', 'webhooks') as Json[];
    const events = hooks.filter((hook) => at(hook, 'type') === 'event');
    assert.equal(events.length, 1, `${name}: ${JSON.stringify(events)}`);
    assert.equal(at(events[0], 'url'), 'http://faces-gui.faces/events');
    // The canaries' banners show the weight toward the analysis' maximum; the A/B test has none.
    assert.equal(at(events[0], 'metadata', 'maxWeight'), name === 'faces-gui' ? undefined : '50');
  }
});

test('flagger.guiEvents=false leaves the event webhook out', () => {
  const off = renderChart([...EVERYTHING, '--set', 'flagger.guiEvents=false']);
  const hooks = at(find(off, 'Canary', 'face'), 'spec', 'analysis', 'webhooks') as Json[];
  assert.deepEqual(
    hooks.map((hook) => at(hook, 'type')),
    ['rollout'],
  );
});
