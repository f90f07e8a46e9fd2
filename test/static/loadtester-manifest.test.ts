import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const K8S = fileURLToPath(new URL('../../../k8s/', import.meta.url));

interface Manifest {
  kind: string;
  metadata: { name: string; namespace: string };
  // biome-ignore lint/suspicious/noExplicitAny: a parsed manifest; each assertion checks the shape it reads.
  spec: any;
}

function manifests(): Manifest[] {
  const text = readFileSync(`${K8S}loadtester/faces-loadtester.yaml`, 'utf8');
  return parseAllDocuments(text).map((document) => {
    assert.equal(document.errors.length, 0, String(document.errors));
    return document.toJS() as Manifest;
  });
}

function find(kind: string): Manifest {
  const manifest = manifests().find((m) => m.kind === kind);
  assert.ok(manifest, kind);
  return manifest;
}

test('the loadtester is a Deployment and a Service named faces-loadtester in namespace faces', () => {
  assert.deepEqual(
    manifests().map((m) => `${m.kind}/${m.metadata.namespace}/${m.metadata.name}`),
    ['Service/faces/faces-loadtester', 'Deployment/faces/faces-loadtester'],
  );
  const kustomization = readFileSync(`${K8S}loadtester/kustomization.yaml`, 'utf8');
  assert.match(kustomization, /resources:\n {2}- faces-loadtester\.yaml\n/);
});

test('the Service sends port 80 to the pods named by the Deployment selector', () => {
  const service = find('Service');
  const deployment = find('Deployment');
  assert.deepEqual(service.spec.selector, { service: 'faces-loadtester' });
  assert.deepEqual(deployment.spec.selector.matchLabels, service.spec.selector);
  assert.deepEqual(deployment.spec.template.metadata.labels, service.spec.selector);
  assert.deepEqual(service.spec.ports, [{ name: 'http', port: 80, targetPort: 'http' }]);
});

test('the container runs faces loadtester like the other services: port http 8000, probes, non-root, read-only', () => {
  const pod = find('Deployment').spec.template.spec;
  const [container] = pod.containers;
  assert.equal(pod.containers.length, 1);
  assert.match(container.image, /^ghcr\.io\/faces-demo\/faces:/);
  assert.deepEqual(container.env[0], { name: 'FACES_SERVICE', value: 'loadtester' });
  assert.deepEqual(container.ports, [{ name: 'http', containerPort: 8000, protocol: 'TCP' }]);
  assert.equal(container.readinessProbe.httpGet.path, '/readyz');
  assert.equal(container.livenessProbe.httpGet.path, '/healthz');
  assert.equal(pod.securityContext.runAsNonRoot, true);
  assert.equal(pod.enableServiceLinks, false, 'no service-link variables');
  assert.equal(container.securityContext.readOnlyRootFilesystem, true);
  assert.equal(container.securityContext.allowPrivilegeEscalation, false);
  for (const kind of ['requests', 'limits']) {
    assert.ok(container.resources[kind].cpu && container.resources[kind].memory, kind);
  }
});

test('GATES_FILE lies on a mounted volume, since the root filesystem is read-only', () => {
  const pod = find('Deployment').spec.template.spec;
  const [container] = pod.containers;
  const gatesFile: string = container.env.find((e: { name: string }) => e.name === 'GATES_FILE').value;
  const mount = container.volumeMounts.find((m: { mountPath: string }) => gatesFile.startsWith(`${m.mountPath}/`));
  assert.ok(mount, `no volume mounted above ${gatesFile}`);
  assert.ok(pod.volumes.some((v: { name: string }) => v.name === mount.name));
});

test('k8s/01-base does not include the loadtester', () => {
  const base = `${K8S}01-base/`;
  if (!existsSync(base)) return;
  for (const file of readdirSync(base)) {
    assert.doesNotMatch(readFileSync(`${base}${file}`, 'utf8'), /faces-loadtester/, file);
  }
});
