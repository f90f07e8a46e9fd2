// The optional parts added for issue 23, off by default: a ServiceMonitor, NetworkPolicies that
// let in only what each service needs, and helm test's pod (always rendered, as a test hook).
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { renderChart } from '../helpers/helm.js';
import { validateObject } from '../helpers/k8s-validate.js';
import { find } from '../helpers/manifests.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const ofKind = (objects: readonly Json[], kind: string) => objects.filter((o) => at(o, 'kind') === kind);

test('by default: no ServiceMonitor and no NetworkPolicy', () => {
  const objects = renderChart();
  assert.deepEqual([...ofKind(objects, 'ServiceMonitor'), ...ofKind(objects, 'NetworkPolicy')], []);
});

describe('serviceMonitor.enabled', () => {
  const objects = renderChart(['--set', 'serviceMonitor.enabled=true', '--set', 'rollouts.enabled=true']);
  const monitor = find(objects, 'ServiceMonitor', 'faces');
  test('renders a valid ServiceMonitor scraping /metrics on port http', () => {
    assert.deepEqual(validateObject(monitor), []);
    assert.deepEqual(at(monitor, 'spec', 'endpoints'), [{ port: 'http', path: '/metrics', interval: '30s' }]);
  });
  test('selects every stable Service and none of the Rollouts’ second Services', () => {
    const selector = at(monitor, 'spec', 'selector') as Json;
    const matchLabels = at(selector, 'matchLabels') as Record<string, string>;
    const selected = ofKind(objects, 'Service')
      .filter((s) => {
        const labels = at(s, 'metadata', 'labels') as Record<string, string>;
        return (
          Object.entries(matchLabels).every(([k, v]) => labels[k] === v) &&
          labels['faces.demo/rollout-service'] === undefined
        );
      })
      .map((s) => at(s, 'metadata', 'name'))
      .sort();
    assert.deepEqual(selected, ['color', 'face', 'faces-gui', 'smiley']);
    assert.deepEqual(at(selector, 'matchExpressions'), [
      { key: 'faces.demo/rollout-service', operator: 'DoesNotExist' },
    ]);
  });
});

describe('networkPolicy.enabled', () => {
  const objects = renderChart([
    '--set',
    'networkPolicy.enabled=true',
    '--set',
    'loadtester.enabled=true',
    '--set',
    'color2.enabled=true',
  ]);
  const policies = ofKind(objects, 'NetworkPolicy');
  /** The `service` label values a policy admits from pods of this namespace. */
  const fromServices = (name: string): string[] => {
    const peers = at(find(policies, 'NetworkPolicy', name), 'spec', 'ingress', 0, 'from') as Json[] | undefined;
    return (peers ?? []).flatMap(
      (p) => (at(p, 'podSelector', 'matchExpressions', 0, 'values') as string[] | undefined) ?? [],
    );
  };
  test('one valid policy per workload', () => {
    assert.deepEqual(policies.map((p) => at(p, 'metadata', 'name')).sort(), [
      'color',
      'color2',
      'face',
      'faces-gui',
      'faces-loadtester',
      'smiley',
    ]);
    assert.deepEqual(policies.flatMap(validateObject), []);
  });
  test('the GUI from anywhere', () => {
    assert.deepEqual(at(find(policies, 'NetworkPolicy', 'faces-gui'), 'spec', 'ingress'), [{}]);
  });
  test('face from the GUI and the load tester; smiley and color from face and the load tester (Flagger’s primaries too)', () => {
    assert.deepEqual(fromServices('face'), [
      'faces-gui',
      'faces-gui-primary',
      'faces-loadtester',
      'faces-loadtester-primary',
    ]);
    for (const name of ['smiley', 'color', 'color2'])
      assert.deepEqual(
        fromServices(name),
        ['face', 'face-primary', 'faces-loadtester', 'faces-loadtester-primary'],
        name,
      );
  });
  test('every backend also from helm test’s pod and the checks’ namespaces (Argo, Flagger, Linkerd, Prometheus)', () => {
    const pod = find(objects, 'Pod', 'faces-check');
    for (const name of ['face', 'smiley', 'color']) {
      const peers = at(find(policies, 'NetworkPolicy', name), 'spec', 'ingress', 0, 'from') as Json[];
      const testPeer = at(peers[1], 'podSelector', 'matchLabels') as Record<string, string>;
      const podLabels = at(pod, 'metadata', 'labels') as Record<string, string>;
      assert.ok(
        Object.entries(testPeer).every(([k, v]) => podLabels[k] === v),
        name,
      );
      assert.deepEqual(at(peers[2], 'namespaceSelector', 'matchExpressions', 0, 'values'), [
        'argo-rollouts',
        'flagger',
        'flagger-system',
        'linkerd',
        'linkerd-viz',
        'monitoring',
      ]);
    }
  });
  test('each selects its workload’s pods', () => {
    for (const policy of policies) {
      const name = String(at(policy, 'metadata', 'name'));
      assert.deepEqual(at(policy, 'spec', 'podSelector', 'matchExpressions', 0, 'values'), [name, `${name}-primary`]);
    }
  });
});

describe("helm test's pod", () => {
  for (const [what, args] of [
    ['defaults', []],
    [
      'rollouts on, extra backends',
      ['--set', 'rollouts.enabled=true', '--set', 'smiley3.enabled=true', '--set', 'color2.enabled=true'],
    ],
  ] as const) {
    test(`${what}: a valid test hook of our image that checks every Service`, () => {
      const objects = renderChart([...args]);
      const pod = find(objects, 'Pod', 'faces-check');
      assert.deepEqual(validateObject(pod), []);
      assert.equal(at(pod, 'metadata', 'annotations', 'helm.sh/hook'), 'test');
      assert.equal(at(pod, 'spec', 'restartPolicy'), 'Never');
      const container = at(pod, 'spec', 'containers', 0) as Json;
      assert.equal(at(container, 'image'), 'ghcr.io/faces-demo/faces:0.1.0');
      const services = ofKind(objects, 'Service')
        .map((s) => String(at(s, 'metadata', 'name')))
        .filter((n) => !/-(canary|preview)$/.test(n))
        .sort();
      const ready = (at(container, 'args') as string[]).flatMap((a, i, all) => (all[i - 1] === '--ready' ? [a] : []));
      assert.deepEqual(ready.map((u) => u.replace(/^http:\/\/(.*)\.faces$/, '$1')).sort(), services);
      assert.deepEqual((at(container, 'args') as string[]).slice(0, 3), ['check', '--gui', 'http://faces-gui.faces']);
      assert.deepEqual(at(container, 'securityContext'), {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    });
  }
});
