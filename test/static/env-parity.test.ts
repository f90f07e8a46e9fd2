// The environment in Kubernetes and compose agrees with what the services read: every name is
// one the service's config reader asks for, every value is accepted by it, and compose mirrors
// the Kubernetes base (plus the backend addresses, since compose has no port-80 Services).
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { readKitConfig, readServiceAddress, readServiceName, type ServiceName } from '@faces/kit';
import { fluxRender, fluxSource } from '../helpers/flux.js';
import {
  container0,
  envOf,
  find,
  parseRendered,
  readYamlFile,
  renderBase,
  WORKLOADS,
  type Workload,
} from '../helpers/manifests.js';
import { namesRead, serviceEnv } from '../helpers/service-env.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const base = renderBase();
const [compose] = readYamlFile('docker-compose.yaml');
const [workshopRepo, workshopKustomization] = readYamlFile('test/static/fixtures/workshop-faces-sync.yaml');
const workshop = fluxRender(fluxSource(workshopRepo as Json, workshopKustomization as Json));
const kitPort = readKitConfig({}, 'smiley').port;

const SERVICE_OF: Record<Workload, ServiceName> = {
  face: 'face',
  smiley: 'smiley',
  color: 'color',
  'faces-gui': 'gui',
};
/** The variables compose adds to the Kubernetes env, and the compose service each must point at. */
const ADDRESSES: Record<string, string> = { SMILEY_SERVICE: 'smiley', COLOR_SERVICE: 'color', FACE_SERVICE: 'face' };

const k8sEnv = (workload: Workload): Record<string, string> =>
  Object.fromEntries((envOf(find(base, 'Deployment', workload)) ?? []).map((v) => [v.name, v.value ?? '']));
const composeEnv = (workload: Workload): Record<string, string> =>
  (at(compose, 'services', workload, 'environment') ?? {}) as Record<string, string>;

for (const workload of WORKLOADS) {
  const service = SERVICE_OF[workload];
  describe(workload, async () => {
    const known = await serviceEnv(service);
    const isKnown = (name: string) => known.names.has(name) || known.patterns.some((re) => re.test(name));

    test(`every variable in the Kubernetes base is one ${service} reads`, () => {
      assert.deepEqual(
        Object.keys(k8sEnv(workload)).filter((name) => !isKnown(name)),
        [],
      );
    });

    test(`every variable in docker-compose.yaml is one ${service} reads`, () => {
      assert.deepEqual(
        Object.keys(composeEnv(workload)).filter((name) => !isKnown(name)),
        [],
      );
    });

    test('compose sets the same variables and values as Kubernetes, plus only the backend addresses', () => {
      const extra = Object.fromEntries(Object.entries(composeEnv(workload)).filter(([name]) => !(name in ADDRESSES)));
      assert.deepEqual(extra, k8sEnv(workload));
      assert.deepEqual(
        at(compose, 'services', workload, 'command'),
        at(container0(find(base, 'Deployment', workload)), 'args'),
      );
    });

    test(`FACES_SERVICE or the container's argument selects ${service} in both`, () => {
      const args = at(container0(find(base, 'Deployment', workload)), 'args') as string[] | undefined;
      assert.equal(args?.[0] ?? readServiceName(k8sEnv(workload)), service);
      const command = at(compose, 'services', workload, 'command') as string[] | undefined;
      assert.equal(command?.[0] ?? readServiceName(composeEnv(workload)), service);
    });

    test(`compose points each backend address at that container on the kit's port ${kitPort}`, () => {
      for (const [name, value] of Object.entries(composeEnv(workload))) {
        if (name in ADDRESSES) assert.equal(value, `${ADDRESSES[name]}:${kitPort}`);
      }
    });

    test('with no address set, the defaults name the Kubernetes Services on port 80', () => {
      for (const [name, fallback] of Object.entries(known.addressDefaults)) {
        assert.ok(!(name in k8sEnv(workload)), `${name} is left to its default in the base`);
        const address = readServiceAddress({}, name, fallback);
        assert.equal(address.port, 80);
        const serviceObject = find(base, 'Service', address.host);
        assert.equal(at(serviceObject, 'spec', 'ports', 0, 'port'), 80);
      }
    });

    test(`${service} accepts the values in Kubernetes and compose`, () => {
      known.read(k8sEnv(workload));
      known.read(composeEnv(workload));
    });
  });
}

test("faces-gui knows the variables the workshop's patch gives it", async () => {
  assert.equal(workshop.status, 0, workshop.stderr);
  const gui = await serviceEnv('gui');
  const env = envOf(find(parseRendered(workshop.stdout, 'workshop'), 'Deployment', 'faces-gui')) ?? [];
  const unknown = env
    .map((v) => v.name)
    .filter((name) => !gui.names.has(name) && !gui.patterns.some((re) => re.test(name)));
  assert.deepEqual(unknown, []);
});

// Near-misses for the name recorder: it must see exactly what a reader asks for.
test('namesRead records every variable a reader looks up, and nothing else', () => {
  const names = namesRead((env) => [env.ALPHA, env.BETA]);
  assert.deepEqual([...names].sort(), ['ALPHA', 'BETA']);
});

test("namesRead sees the kit's variables (a misspelt ERROR_FRACTON would not be among them)", () => {
  const names = namesRead((env) => readKitConfig(env, 'smiley'));
  for (const name of ['PORT', 'ERROR_FRACTION', 'DELAY_BUCKETS', 'DRAIN_SECONDS', 'SHUTDOWN_TIMEOUT_SECONDS'])
    assert.ok(names.has(name), name);
  assert.ok(!names.has('ERROR_FRACTON'));
});
