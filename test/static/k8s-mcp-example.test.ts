// k8s/examples/mcp/faces-mcp.yaml (validated with the other examples in k8s-schemas.test.ts) runs
// faces mcp as the chart's mcp.enabled does: the same env, port and pod, its tokens only from a
// Secret, and only variables faces mcp reads, with values it accepts.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readMcpConfig } from '@faces/mcp';
import { renderChart } from '../helpers/helm.js';
import { container0, find, readYamlFile } from '../helpers/manifests.js';
import { serviceEnv } from '../helpers/service-env.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const FILE = 'k8s/examples/mcp/faces-mcp.yaml';
const example = readYamlFile(FILE);
const chart = renderChart(['--set', 'mcp.enabled=true', '--set', 'existingSecret=faces-tokens']);
const deployment = find(example, 'Deployment', 'faces-mcp');
const env = (at(container0(deployment), 'env') as Json[]).map((v) => ({ ...(v as object) }) as Record<string, Json>);
const plain = Object.fromEntries(env.filter((v) => v.value !== undefined).map((v) => [v.name, String(v.value)]));

test(`${FILE}: a Service and a Deployment faces-mcp, Service port 80 to the pod's 3000`, () => {
  assert.deepEqual(
    example.map((o) => `${at(o, 'kind')}/${at(o, 'metadata', 'name')}`),
    ['Service/faces-mcp', 'Deployment/faces-mcp'],
  );
  assert.deepEqual(at(find(example, 'Service', 'faces-mcp'), 'spec', 'ports'), [
    { name: 'http', port: 80, targetPort: 'http' },
  ]);
  assert.equal(at(container0(deployment), 'ports', 0, 'containerPort'), 3000);
  assert.equal(at(deployment, 'spec', 'replicas'), 1);
});

test(`${FILE}: the env, probes, resources and pod of the chart's faces-mcp`, () => {
  const rendered = find(chart, 'Deployment', 'faces-mcp');
  const chartPlain = Object.fromEntries(
    ((at(container0(rendered), 'env') as Json[]) ?? []).flatMap((v) =>
      at(v, 'value') === undefined ? [] : [[String(at(v, 'name')), String(at(v, 'value'))]],
    ),
  );
  assert.deepEqual(plain, chartPlain);
  for (const key of ['readinessProbe', 'livenessProbe', 'resources', 'securityContext', 'ports'])
    assert.deepEqual(at(container0(deployment), key), at(container0(rendered), key), key);
  const pod = (d: Json) => ({ ...(at(d, 'spec', 'template', 'spec') as object), containers: undefined });
  assert.deepEqual(pod(deployment), pod(rendered));
});

test(`${FILE}: MCP_TOKEN and CONTROL_TOKEN only from the Secret faces-tokens`, () => {
  const tokens = env.filter((v) => String(v.name).endsWith('_TOKEN'));
  assert.deepEqual(
    tokens.map((v) => [v.name, at(v, 'valueFrom', 'secretKeyRef', 'name'), v.value]),
    [
      ['MCP_TOKEN', 'faces-tokens', undefined],
      ['CONTROL_TOKEN', 'faces-tokens', undefined],
    ],
  );
});

test(`${FILE}: only variables faces mcp reads, with values it accepts`, async () => {
  const known = await serviceEnv('mcp');
  assert.deepEqual(
    env.map((v) => String(v.name)).filter((name) => !known.names.has(name)),
    [],
  );
  const config = readMcpConfig({ ...plain, MCP_TOKEN: 'example-token-1' });
  assert.deepEqual([config.kit.host, config.kit.port, config.transport], ['0.0.0.0', 3000, 'http']);
});
