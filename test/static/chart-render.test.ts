// helm template with the defaults and with the workshop command lines: names, env, labels, probes.
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { renderChart, WORKSHOP_LINES } from '../helpers/helm.js';
import { container0, envOf, find } from '../helpers/manifests.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const names = (objects: readonly Json[], kind: string) =>
  objects
    .filter((o) => at(o, 'kind') === kind)
    .map((o) => String(at(o, 'metadata', 'name')))
    .sort();
const env = (objects: readonly Json[], name: string): Record<string, string> =>
  Object.fromEntries((envOf(find(objects, 'Deployment', name)) ?? []).map((v) => [v.name, v.value ?? '']));

const BASE_FOUR = ['color', 'face', 'faces-gui', 'smiley'];

function assertShape(objects: readonly Json[]): void {
  for (const deployment of objects.filter((o) => at(o, 'kind') === 'Deployment')) {
    const name = String(at(deployment, 'metadata', 'name'));
    assert.deepEqual(at(deployment, 'spec', 'selector'), { matchLabels: { service: name } }, `${name} selector`);
    const labels = at(deployment, 'spec', 'template', 'metadata', 'labels');
    assert.equal(at(labels, 'service'), name);
    assert.equal(at(labels, 'app.kubernetes.io/name'), name);
    assert.equal(at(labels, 'app.kubernetes.io/instance'), 'faces');
    assert.equal(at(labels, 'app.kubernetes.io/part-of'), 'faces');
    const c = container0(deployment);
    assert.deepEqual(at(c, 'readinessProbe', 'httpGet'), { path: '/readyz', port: 'http' }, `${name} readiness`);
    assert.deepEqual(at(c, 'livenessProbe', 'httpGet'), { path: '/healthz', port: 'http' }, `${name} liveness`);
    assert.deepEqual(at(c, 'ports'), [{ name: 'http', containerPort: 8000, protocol: 'TCP' }]);
    const service = find(objects, 'Service', name);
    assert.deepEqual(at(service, 'spec', 'selector'), { service: name });
    assert.deepEqual(at(service, 'spec', 'ports'), [{ name: 'http', port: 80, targetPort: 'http' }]);
  }
}

describe('the defaults', () => {
  const objects = renderChart();
  test("render face, smiley, color and faces-gui, a Deployment and a Service each, and helm test's pod, in namespace faces", () => {
    assert.deepEqual(names(objects, 'Deployment'), BASE_FOUR);
    assert.deepEqual(names(objects, 'Service'), BASE_FOUR);
    assert.deepEqual(names(objects, 'Pod'), ['faces-check']);
    assert.equal(objects.length, 9);
    for (const o of objects) assert.equal(at(o, 'metadata', 'namespace'), 'faces');
  });
  test('keep the selectors, labels, ports and probes of k8s/01-base', () => assertShape(objects));
  test("give the backends faces-chart's env: 20 % errors, the delay buckets on smiley and color, Grinning, blue", () => {
    assert.deepEqual(env(objects, 'face'), {
      FACES_SERVICE: 'face',
      ERROR_FRACTION: '20',
      SMILEY_SERVICE: 'smiley',
      COLOR_SERVICE: 'color',
    });
    const buckets = '0,5,10,15,20,50,200,500,1500';
    assert.deepEqual(env(objects, 'smiley'), {
      FACES_SERVICE: 'smiley',
      ERROR_FRACTION: '20',
      DELAY_BUCKETS: buckets,
      SMILEY: 'Grinning',
    });
    assert.deepEqual(env(objects, 'color'), {
      FACES_SERVICE: 'color',
      ERROR_FRACTION: '20',
      DELAY_BUCKETS: buckets,
      COLOR: 'blue',
    });
  });
  test('keep env[0] FACES_SERVICE and env[1] ERROR_FRACTION, which the workshop patches', () => {
    for (const name of ['face', 'smiley', 'color']) {
      assert.deepEqual(
        (envOf(find(objects, 'Deployment', name)) ?? []).slice(0, 2).map((v) => v.name),
        ['FACES_SERVICE', 'ERROR_FRACTION'],
      );
    }
  });
  test('run the GUI by its argument, with the page settings spelled out', () => {
    assert.deepEqual(at(container0(find(objects, 'Deployment', 'faces-gui')), 'args'), ['gui']);
    assert.deepEqual(env(objects, 'faces-gui'), {
      HIDE_KEY: 'false',
      SHOW_PODS: 'false',
      NUM_ROWS: '4',
      NUM_COLS: '4',
      EDGE_SIZE: '1',
      START_ACTIVE: 'true',
    });
  });
  test('run every workload from ghcr.io/faces-demo/faces at the appVersion, one replica', () => {
    for (const d of objects.filter((o) => at(o, 'kind') === 'Deployment')) {
      assert.equal(at(container0(d), 'image'), 'ghcr.io/faces-demo/faces:0.1.0');
      assert.equal(at(container0(d), 'imagePullPolicy'), 'IfNotPresent');
      assert.equal(at(d, 'spec', 'replicas'), 1);
    }
  });
});

describe(`--set ${WORKSHOP_LINES['errors off']?.filter((a) => a !== '--set').join(' ')}`, () => {
  const objects = renderChart(WORKSHOP_LINES['errors off']);
  test('renders ERROR_FRACTION "0" on face, smiley and color: zero means zero', () => {
    for (const name of ['face', 'smiley', 'color']) assert.equal(env(objects, name).ERROR_FRACTION, '0', name);
  });
  test('leaves the delays alone', () => {
    assert.equal(env(objects, 'smiley').DELAY_BUCKETS, '0,5,10,15,20,50,200,500,1500');
    assert.equal(env(objects, 'face').DELAY_BUCKETS, undefined);
  });
  test('keeps the shape', () => assertShape(objects));
});

describe('--set gui.serviceType=LoadBalancer backend.delayBuckets=0 face.delayBuckets=0', () => {
  const objects = renderChart(WORKSHOP_LINES['LoadBalancer, delays off']);
  test('makes the GUI Service a LoadBalancer and leaves the others ClusterIP', () => {
    assert.equal(at(find(objects, 'Service', 'faces-gui'), 'spec', 'type'), 'LoadBalancer');
    for (const name of ['face', 'smiley', 'color'])
      assert.equal(at(find(objects, 'Service', name), 'spec', 'type'), 'ClusterIP');
  });
  test('renders DELAY_BUCKETS "0" on face, smiley and color, and keeps 20 % errors', () => {
    for (const name of ['face', 'smiley', 'color']) {
      assert.equal(env(objects, name).DELAY_BUCKETS, '0', name);
      assert.equal(env(objects, name).ERROR_FRACTION, '20', name);
    }
  });
  test('keeps the shape', () => assertShape(objects));
});

describe('--set smiley2.enabled=true smiley3.enabled=true color2.enabled=true color3.enabled=true', () => {
  const objects = renderChart(WORKSHOP_LINES['extra smileys and colors']);
  const all = [...BASE_FOUR, 'color2', 'color3', 'smiley2', 'smiley3'].sort();
  test('adds Deployments and Services named exactly smiley2, smiley3, color2, color3', () => {
    assert.deepEqual(names(objects, 'Deployment'), all);
    assert.deepEqual(names(objects, 'Service'), all);
  });
  test("gives them faces-chart's smileys and colors and the backend defaults", () => {
    const expected: Record<string, [string, string]> = {
      smiley2: ['SMILEY', 'HeartEyes'],
      smiley3: ['SMILEY', 'RollingEyes'],
      color2: ['COLOR', 'green'],
      color3: ['COLOR', 'darkblue'],
    };
    for (const [name, [variable, value]] of Object.entries(expected)) {
      const e = env(objects, name);
      assert.equal(e[variable], value, name);
      assert.equal(e.FACES_SERVICE, name.slice(0, -1));
      assert.equal(e.ERROR_FRACTION, '20');
      assert.equal(e.DELAY_BUCKETS, '0,5,10,15,20,50,200,500,1500');
    }
  });
  test('keeps the shape', () => assertShape(objects));
});

// Near-misses of the "unset" rule: 0 and "0" are values; null and "" inherit.
const INHERIT: { name: string; args: string[]; expected: string | undefined }[] = [
  { name: 'a numeric 0 on one workload', args: ['--set', 'smiley.errorFraction=0'], expected: '0' },
  { name: 'a string "0" (--set-string)', args: ['--set-string', 'smiley.errorFraction=0'], expected: '0' },
  { name: 'an empty string, which inherits', args: ['--set', 'smiley.errorFraction='], expected: '20' },
  { name: 'null, which inherits', args: ['--set', 'smiley.errorFraction=null'], expected: '20' },
  { name: 'a value of its own', args: ['--set', 'smiley.errorFraction=75'], expected: '75' },
];
for (const { name, args, expected } of INHERIT) {
  test(`smiley's ERROR_FRACTION with ${name} is ${expected}`, () => {
    assert.equal(env(renderChart(args), 'smiley').ERROR_FRACTION, expected);
  });
}

const IMAGES: { name: string; args: string[]; expected: string }[] = [
  {
    name: 'image wins over everything',
    args: ['--set', 'smiley.image=r.example/x:1', '--set', 'smiley.imageTag=2'],
    expected: 'r.example/x:1',
  },
  {
    name: 'imageName with imageTag',
    args: ['--set', 'smiley.imageName=r.example/y', '--set', 'smiley.imageTag=2'],
    expected: 'r.example/y:2',
  },
  {
    name: 'imageName with defaultImageTag',
    args: ['--set', 'smiley.imageName=r.example/y', '--set', 'defaultImageTag=3'],
    expected: 'r.example/y:3',
  },
  {
    name: 'an empty imageName falls back to ours',
    args: ['--set', 'smiley.imageName='],
    expected: 'ghcr.io/faces-demo/faces:0.1.0',
  },
];
for (const { name, args, expected } of IMAGES) {
  test(`image resolution: ${name}`, () => {
    assert.equal(at(container0(find(renderChart(args), 'Deployment', 'smiley')), 'image'), expected);
  });
}

test('replicas: 0 means zero, and unset takes defaultReplicas', () => {
  const objects = renderChart(['--set', 'face.replicas=0', '--set', 'defaultReplicas=3']);
  assert.equal(at(find(objects, 'Deployment', 'face'), 'spec', 'replicas'), 0);
  assert.equal(at(find(objects, 'Deployment', 'smiley'), 'spec', 'replicas'), 3);
});
