// Argo Rollouts (rollouts.enabled): the public faces-chart's own command lines render the objects
// it renders (kinds and names, from the fixture of its facts), every Rollout and route is valid
// (@kubernetes-models/argo-rollouts, @kubernetes-models/gateway-api), and each Rollout runs the
// pod template our Deployment runs: probes, resources, security context.
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { helmError, helmTemplate, renderChart } from '../helpers/helm.js';
import { validateObject } from '../helpers/k8s-validate.js';
import { find } from '../helpers/manifests.js';
import { PUBLIC_CHART } from '../helpers/public-chart.js';
import { readRepoFile } from '../helpers/repo.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const kindNames = (objects: readonly Json[]): string[] =>
  objects.map((o) => `${at(o, 'kind')}/${at(o, 'metadata', 'name')}`).sort();

/** What we render beyond faces-chart, on purpose: routes for the GUI and face too, and helm test's pod. */
const ADDED: Record<string, string[]> = {
  'canary, Gateway API plugin, autocreated routes': [
    'HTTPRoute/face-route',
    'HTTPRoute/faces-gui-route',
    'Pod/faces-check',
  ],
  'canary, provider smi': ['Pod/faces-check'],
  blueGreen: ['Pod/faces-check'],
};

const deployments = renderChart();
const values = parse(readRepoFile('charts/faces/values.yaml')) as Json;

for (const [line, { args, objects: theirs }] of Object.entries(PUBLIC_CHART.renders)) {
  describe(`faces-chart's Argo Rollouts line "${line}" (${args.join(' ')})`, () => {
    const objects = renderChart(args);
    test("renders faces-chart's objects, kinds and names, and only those we add on purpose", () => {
      const mine = kindNames(objects);
      assert.deepEqual(
        theirs.filter((o) => !mine.includes(o)),
        [],
        'missing',
      );
      assert.deepEqual(
        mine.filter((o) => !theirs.includes(o)),
        ADDED[line],
        'extra',
      );
    });
    test('every object is valid and has no unknown fields (Rollouts and routes included)', () => {
      assert.deepEqual(objects.flatMap(validateObject), []);
    });
    test("each Rollout runs the Deployment's pod template and selects the pods its Services select", () => {
      const rollouts = objects.filter((o) => at(o, 'kind') === 'Rollout');
      assert.equal(rollouts.length, 4);
      for (const rollout of rollouts) {
        const name = String(at(rollout, 'metadata', 'name'));
        const deployment = find(deployments, 'Deployment', name);
        assert.deepEqual(at(rollout, 'spec', 'template'), at(deployment, 'spec', 'template'), name);
        assert.deepEqual(at(rollout, 'spec', 'selector'), at(deployment, 'spec', 'selector'), name);
        for (const service of [name, `${name}-canary`, `${name}-preview`]) {
          const found = objects.filter((o) => at(o, 'kind') === 'Service' && at(o, 'metadata', 'name') === service);
          for (const s of found) assert.deepEqual(at(s, 'spec', 'selector'), { service: name }, service);
        }
      }
    });
  });
}

const KEY: Record<string, string> = { 'faces-gui': 'gui', face: 'face', smiley: 'smiley', color: 'color' };

describe('canary with the Gateway API plugin (the default strategy and router)', () => {
  const objects = renderChart(['--set', 'rollouts.enabled=true']);
  for (const [name, key] of Object.entries(KEY)) {
    test(`${name}: its steps, its Services, and the route the plugin manages`, () => {
      const canary = at(find(objects, 'Rollout', name), 'spec', 'strategy', 'canary');
      assert.deepEqual(at(canary, 'steps'), at(values, 'rollouts', 'canary', key, 'steps'));
      assert.equal(at(canary, 'stableService'), name);
      assert.equal(at(canary, 'canaryService'), `${name}-canary`);
      const routeKind = String(at(values, key, 'route', 'kind'));
      const routeName = String(at(values, key, 'route', 'name'));
      const plugin = at(canary, 'trafficRouting', 'plugins', 'argoproj-labs/gatewayAPI');
      assert.deepEqual(plugin, {
        [routeKind === 'GRPCRoute' ? 'grpcRoute' : 'httpRoute']: routeName,
        namespace: 'faces',
      });
      const route = find(objects, routeKind, routeName);
      assert.deepEqual(at(route, 'spec', 'parentRefs'), [{ group: '', kind: 'Service', name, port: 80 }]);
      const backends = (at(route, 'spec', 'rules', 0, 'backendRefs') as Json[]).map((b) => at(b, 'name'));
      assert.deepEqual(backends, [name, `${name}-canary`]);
    });
  }
  test('color gets a GRPCRoute and smiley an HTTPRoute, as in faces-chart', () => {
    assert.equal(at(find(objects, 'GRPCRoute', 'color-route'), 'kind'), 'GRPCRoute');
    assert.equal(at(find(objects, 'HTTPRoute', 'smiley-route'), 'kind'), 'HTTPRoute');
  });
});

test('canary with provider smi: a TrafficSplit router and the two Services, no routes', () => {
  const objects = renderChart(PUBLIC_CHART.renders['canary, provider smi']?.args ?? []);
  const canary = at(find(objects, 'Rollout', 'smiley'), 'spec', 'strategy', 'canary');
  assert.deepEqual(at(canary, 'trafficRouting'), { smi: {} });
  assert.equal(at(canary, 'canaryService'), 'smiley-canary');
  assert.equal(objects.filter((o) => String(at(o, 'kind')).endsWith('Route')).length, 0);
});

test('no traffic router: a plain canary (replica weights), no Services named in the strategy', () => {
  const objects = renderChart([
    '--set',
    'rollouts.enabled=true',
    '--set',
    'rollouts.canary.trafficRouting.plugin.name=',
  ]);
  const canary = at(find(objects, 'Rollout', 'face'), 'spec', 'strategy', 'canary') as Json;
  assert.equal(at(canary, 'trafficRouting'), undefined);
  assert.equal(at(canary, 'canaryService'), undefined);
  assert.deepEqual(objects.flatMap(validateObject), []);
});

test('provider and plugin.name together are refused in one line', () => {
  const result = helmTemplate([
    '--set',
    'rollouts.enabled=true',
    '--set',
    'rollouts.canary.trafficRouting.provider=smi',
  ]);
  assert.match(
    helmError(result.stderr),
    /^rollouts\.canary\.trafficRouting: set either provider \(smi\) or plugin\.name \(argoproj-labs\/gatewayAPI\), not both/,
  );
});

test('blueGreen: preview Services with the configured suffix, promotion settings', () => {
  const objects = renderChart([
    '--set',
    'rollouts.enabled=true',
    '--set',
    'rollouts.strategy=blueGreen',
    '--set',
    'rollouts.blueGreen.serviceSuffix.preview=-next',
    '--set',
    'rollouts.blueGreen.autoPromotionSeconds=30',
  ]);
  assert.deepEqual(at(find(objects, 'Rollout', 'color'), 'spec', 'strategy'), {
    blueGreen: {
      activeService: 'color',
      previewService: 'color-next',
      autoPromotionEnabled: false,
      autoPromotionSeconds: 30,
    },
  });
  assert.equal(at(find(objects, 'Service', 'face-next'), 'spec', 'selector', 'service'), 'face');
  assert.deepEqual(objects.flatMap(validateObject), []);
});

test('the common knobs reach every Rollout; face autoscaled scales the Rollout', () => {
  const objects = renderChart([
    '--set',
    'rollouts.enabled=true',
    '--set',
    'rollouts.revisionHistoryLimit=2',
    '--set',
    'rollouts.minReadySeconds=7',
    '--set',
    'rollouts.canary.serviceSuffix.canary=-new',
    '--set',
    'face.autoscaling.enabled=true',
    '--set',
    'smiley2.enabled=true',
  ]);
  const rollout = find(objects, 'Rollout', 'smiley2');
  assert.equal(at(rollout, 'spec', 'revisionHistoryLimit'), 2);
  assert.equal(at(rollout, 'spec', 'minReadySeconds'), 7);
  assert.deepEqual(
    at(rollout, 'spec', 'strategy', 'canary', 'steps'),
    at(values, 'rollouts', 'canary', 'smiley2', 'steps'),
  );
  assert.equal(at(find(objects, 'Service', 'smiley-new'), 'kind'), 'Service');
  assert.deepEqual(at(find(objects, 'HorizontalPodAutoscaler', 'face'), 'spec', 'scaleTargetRef'), {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    name: 'face',
  });
  assert.equal(at(find(objects, 'Rollout', 'face'), 'spec', 'replicas'), undefined);
  assert.deepEqual(objects.flatMap(validateObject), []);
});

test('Argo Rollouts and Flagger together are refused in one line', () => {
  const result = helmTemplate(['--set', 'rollouts.enabled=true', '--set', 'flagger.canary.enabled=true']);
  assert.match(helmError(result.stderr), /^rollouts\.enabled: Argo Rollouts and Flagger .* turn one off$/);
});

test('a misspelt canary step renders but fails validation (the model sees the Rollout)', () => {
  const objects = renderChart([
    '--set',
    'rollouts.enabled=true',
    '--set-json',
    'rollouts.canary.face.steps=[{"setWeigth":10}]',
  ]);
  assert.deepEqual(objects.flatMap(validateObject), [
    'argoproj.io/v1alpha1/Rollout face: /spec/strategy/canary/steps/0/setWeigth: unknown field',
  ]);
});
