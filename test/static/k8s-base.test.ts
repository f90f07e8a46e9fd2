// The Kubernetes base as the workshop and Flagger use it: names, labels, ports, env order, and
// production settings consistent with the kit (probes, drain, grace period, security, resources).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { readKitConfig } from '@faces/kit';
import { ensureKubectl } from '../helpers/kubectl.js';
import { BACKENDS, container0, envOf, find, readYamlFile, renderBase, WORKLOADS } from '../helpers/manifests.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const rendered = renderBase();
const kitDefaults = readKitConfig({}, 'smiley');

/** The original's requests (faces-original.md §8.1): ours may be higher, never lower. */
const ORIGINAL_REQUESTS: Record<string, { cpuMilli: number; memoryMi: number }> = {
  face: { cpuMilli: 300, memoryMi: 64 },
  smiley: { cpuMilli: 100, memoryMi: 64 },
  color: { cpuMilli: 100, memoryMi: 64 },
  'faces-gui': { cpuMilli: 50, memoryMi: 64 },
};

function cpuMilli(quantity: Json | undefined): number {
  const text = String(quantity);
  return text.endsWith('m') ? Number(text.slice(0, -1)) : Number(text) * 1000;
}

function memoryMi(quantity: Json | undefined): number {
  const match = /^([0-9]+)(Mi|Gi)$/.exec(String(quantity));
  assert.ok(match, `memory quantity ${String(quantity)} is in Mi or Gi`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

test('the renders use kustomize v5, the major version Flux embeds', () => {
  const version = execFileSync(ensureKubectl(), ['version', '--client'], { encoding: 'utf8' });
  assert.match(version, /^Kustomize Version: v5\.\d+\.\d+$/m);
});

test('the base renders with kustomize into exactly four Deployments, four Services and three ServiceProfiles', () => {
  const names = rendered.map((o) => `${at(o, 'kind')}/${at(o, 'metadata', 'name')}`).sort();
  assert.deepEqual(names, [
    'Deployment/color',
    'Deployment/face',
    'Deployment/faces-gui',
    'Deployment/smiley',
    'Service/color',
    'Service/face',
    'Service/faces-gui',
    'Service/smiley',
    'ServiceProfile/color.faces.svc.cluster.local',
    'ServiceProfile/face.faces.svc.cluster.local',
    'ServiceProfile/smiley.faces.svc.cluster.local',
  ]);
});

test('the rendered base is the plain files unchanged (Flux users, who skip kustomization.yaml, get the same)', () => {
  const plain = [
    'faces.yaml',
    'faces-gui.yaml',
    'face-profile.yaml',
    'smiley-profile.yaml',
    'color-profile.yaml',
  ].flatMap((file) => readYamlFile(`k8s/01-base/${file}`));
  const key = (o: Json) => `${at(o, 'kind')}/${at(o, 'metadata', 'name')}`;
  const sorted = (objects: Json[]) => [...objects].sort((a, b) => key(a).localeCompare(key(b)));
  assert.deepEqual(sorted(rendered), sorted(plain));
});

test('every object lives in namespace faces', () => {
  for (const object of rendered)
    assert.equal(at(object, 'metadata', 'namespace'), 'faces', JSON.stringify(at(object, 'metadata')));
});

for (const name of WORKLOADS) {
  describe(name, () => {
    const deployment = find(rendered, 'Deployment', name);
    const service = find(rendered, 'Service', name);
    const pod = at(deployment, 'spec', 'template') as Json;
    const container = container0(deployment);

    test('the Deployment selects, and its pods carry, exactly service: <name> (the label Flagger keys on)', () => {
      assert.deepEqual(at(deployment, 'spec', 'selector'), { matchLabels: { service: name } });
      assert.equal(at(pod, 'metadata', 'labels', 'service'), name);
    });

    test('the Service selects service: <name> and maps port 80 to the named port http', () => {
      assert.deepEqual(at(service, 'spec', 'selector'), { service: name });
      assert.deepEqual(at(service, 'spec', 'ports'), [{ name: 'http', port: 80, targetPort: 'http' }]);
    });

    test("container 0 is named after the workload and serves port http on the kit's default PORT", () => {
      assert.equal(at(container, 'name'), name);
      assert.deepEqual(at(container, 'ports', 0), { name: 'http', containerPort: kitDefaults.port, protocol: 'TCP' });
    });

    test('pods get no service-link variables from the kubelet (enableServiceLinks: false)', () => {
      assert.equal(at(pod, 'spec', 'enableServiceLinks'), false);
    });

    test('readiness asks /readyz and liveness /healthz on port http', () => {
      assert.deepEqual(at(container, 'readinessProbe', 'httpGet'), { path: '/readyz', port: 'http' });
      assert.deepEqual(at(container, 'livenessProbe', 'httpGet'), { path: '/healthz', port: 'http' });
    });

    test('Prometheus scrapes /metrics on the container port', () => {
      assert.deepEqual(at(pod, 'metadata', 'annotations'), {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(kitDefaults.port),
        'prometheus.io/path': '/metrics',
      });
    });

    test("the grace period outlasts the kit's whole shutdown (drain, then in-flight requests)", () => {
      const grace = Number(at(pod, 'spec', 'terminationGracePeriodSeconds'));
      assert.ok(kitDefaults.drainSeconds < kitDefaults.shutdownTimeoutSeconds);
      assert.ok(
        grace > kitDefaults.shutdownTimeoutSeconds,
        `grace ${grace} s > ${kitDefaults.shutdownTimeoutSeconds} s`,
      );
      const overrides = (envOf(deployment) ?? []).filter((v) => /^(DRAIN|SHUTDOWN_TIMEOUT)_SECONDS$/.test(v.name));
      assert.deepEqual(overrides, [], 'the base relies on the kit defaults; change the grace period with them');
    });

    test('a rolling update never takes the only pod away first', () => {
      assert.equal(at(deployment, 'spec', 'strategy', 'rollingUpdate', 'maxUnavailable'), 0);
    });

    test('runs as a non-root user, read-only, without privileges or capabilities', () => {
      assert.equal(at(pod, 'spec', 'securityContext', 'runAsNonRoot'), true);
      assert.ok(Number(at(pod, 'spec', 'securityContext', 'runAsUser')) > 0);
      assert.deepEqual(at(container, 'securityContext'), {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    });

    test("requests are no lower than the original's, and limits no lower than requests", () => {
      const original = ORIGINAL_REQUESTS[name];
      assert.ok(original);
      const resources = at(container, 'resources');
      assert.ok(cpuMilli(at(resources, 'requests', 'cpu')) >= original.cpuMilli);
      assert.ok(memoryMi(at(resources, 'requests', 'memory')) >= original.memoryMi);
      assert.ok(cpuMilli(at(resources, 'limits', 'cpu')) >= cpuMilli(at(resources, 'requests', 'cpu')));
      assert.ok(memoryMi(at(resources, 'limits', 'memory')) >= memoryMi(at(resources, 'requests', 'memory')));
    });
  });
}

const DELAY_BUCKETS = { name: 'DELAY_BUCKETS', value: '0,5,10,15,20,50,200,500,1500' };
const ENV: Record<(typeof BACKENDS)[number], { name: string; value: string }[]> = {
  face: [
    { name: 'FACES_SERVICE', value: 'face' },
    { name: 'ERROR_FRACTION', value: '20' },
  ],
  smiley: [{ name: 'FACES_SERVICE', value: 'smiley' }, { name: 'ERROR_FRACTION', value: '20' }, DELAY_BUCKETS],
  color: [{ name: 'FACES_SERVICE', value: 'color' }, { name: 'ERROR_FRACTION', value: '20' }, DELAY_BUCKETS],
};

for (const name of BACKENDS) {
  test(`${name}: env[0] is FACES_SERVICE=${name} and env[1] is ERROR_FRACTION="20", as the workshop's patch expects`, () => {
    assert.deepEqual(envOf(find(rendered, 'Deployment', name)), ENV[name]);
  });
}

test('faces-gui has no env key at all (the workshop adds one) and picks the GUI by argument', () => {
  const container = container0(find(rendered, 'Deployment', 'faces-gui'));
  assert.equal(at(container, 'env'), undefined);
  assert.deepEqual(at(container, 'args'), ['gui']);
});

// Linkerd anchors pathRegex to the whole path: these are the requests the GUI, face and the
// workshop's Ingress send, and near-misses that must not be counted under a route.
const ROUTE_CASES: { service: string; path: string; route: string | undefined }[] = [
  { service: 'face', path: '/', route: 'GET /' },
  { service: 'face', path: '/center/', route: 'GET /center/' },
  { service: 'face', path: '/face/center/', route: 'GET /center/' },
  { service: 'face', path: '/edge/', route: 'GET /edge/' },
  { service: 'face', path: '/face/edge/', route: 'GET /edge/' },
  { service: 'face', path: '/centre/', route: undefined },
  { service: 'face', path: '/smiley/center/', route: undefined },
  { service: 'smiley', path: '/center/', route: 'GET /center/' },
  { service: 'smiley', path: '/smiley/edge/', route: 'GET /edge/' },
  { service: 'smiley', path: '/metrics', route: undefined },
  { service: 'color', path: '/edge/', route: 'GET /edge/' },
  { service: 'color', path: '/color/center/', route: 'GET /center/' },
  { service: 'color', path: '/', route: 'GET /' },
];

for (const { service, path, route } of ROUTE_CASES) {
  test(`the ${service} ServiceProfile counts GET ${path} under ${route ?? 'no route'}`, () => {
    const profile = find(rendered, 'ServiceProfile', `${service}.faces.svc.cluster.local`);
    const routes = at(profile, 'spec', 'routes') as Json[];
    const matching = routes.filter(
      (r) =>
        at(r, 'condition', 'method') === 'GET' && new RegExp(`^(?:${at(r, 'condition', 'pathRegex')})$`).test(path),
    );
    assert.deepEqual(
      matching.map((r) => at(r, 'name')),
      route === undefined ? [] : [route],
    );
  });
}

test('the ServiceProfiles have no retries or timeouts (the workshop adds them later)', () => {
  for (const service of BACKENDS) {
    const routes = at(
      find(rendered, 'ServiceProfile', `${service}.faces.svc.cluster.local`),
      'spec',
      'routes',
    ) as Json[];
    for (const route of routes) {
      assert.equal(at(route, 'isRetryable'), undefined);
      assert.equal(at(route, 'timeout'), undefined);
    }
  }
});

test('the color Service port leaves appProtocol unset: it serves gRPC and HTTP/1.1, and Linkerd detects which', () => {
  const ports = at(find(rendered, 'Service', 'color'), 'spec', 'ports') as Json[];
  assert.equal(ports.length, 1);
  for (const port of ports) assert.equal(at(port, 'appProtocol'), undefined, JSON.stringify(port));
});
