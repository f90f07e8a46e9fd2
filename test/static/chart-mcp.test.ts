// faces-mcp through Helm (issue 24): the original's mcp.* values and defaults, a Deployment and
// Service that run `faces mcp` on port 3000 behind Service port 80, the backends and tokens it
// needs (tokens only through the chart's Secret), one replica also with Argo Rollouts on, the
// NetworkPolicies that let it reach the backends, and one-line refusals of bad values.
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { readMcpConfig } from '@faces/mcp';
import { parse } from 'yaml';
import { CHART, helm, helmError, helmTemplate, renderChart } from '../helpers/helm.js';
import { validateObject } from '../helpers/k8s-validate.js';
import { container0, find } from '../helpers/manifests.js';
import { readRepoFile } from '../helpers/repo.js';
import { serviceEnv } from '../helpers/service-env.js';
import { at, type Json } from '../helpers/yaml-docs.js';

interface PublicMcp {
  readonly keys: readonly { readonly key: string; readonly default: Json }[];
  readonly renders: { readonly service: Json; readonly deployment: Json };
}
const ORIGINAL = JSON.parse(readRepoFile('test/static/fixtures/faces-chart-mcp.json')) as PublicMcp;
const ours = parse(readRepoFile('charts/faces/values.yaml')) as Json;

const ON = ['--set', 'mcp.enabled=true'];
const CONTROL = 'presenter-token-1';
const MCP = 'mcp-token-12345';
const named = (objects: readonly Json[], name: string) =>
  objects.filter((o) => at(o, 'metadata', 'name') === name).map((o) => String(at(o, 'kind')));
const envOf = (objects: readonly Json[]) =>
  (at(container0(find(objects, 'Deployment', 'faces-mcp')), 'env') as Json[] | undefined) ?? [];
const plainEnv = (objects: readonly Json[]): Record<string, string> =>
  Object.fromEntries(
    envOf(objects).flatMap((v) => (at(v, 'value') === undefined ? [] : [[at(v, 'name'), at(v, 'value')]])),
  );
const fromSecret = (secret: string, key: string, optional = false) => ({
  name: key,
  valueFrom: { secretKeyRef: { name: secret, key, ...(optional ? { optional: true } : {}) } },
});

describe("the original's mcp values (faces-chart, faces-mcp branch)", () => {
  test('six keys, each here with its default (the image name is our one image)', () => {
    assert.deepEqual(
      ORIGINAL.keys.map((k) => k.key),
      ['enabled', 'image', 'imageName', 'imageTag', 'imagePullPolicy', 'serviceType'].map((k) => `mcp.${k}`),
    );
    for (const { key, default: original } of ORIGINAL.keys) {
      const mine = at(ours, ...key.split('.'));
      if (key === 'mcp.imageName') assert.equal(mine, 'ghcr.io/faces-demo/faces', key);
      else assert.deepEqual(mine, original, key);
      const result = helmTemplate(['--set-json', `${key}=${JSON.stringify(original)}`]);
      assert.equal(result.status, 0, result.stderr);
    }
  });
  test('off by default: nothing named faces-mcp', () => {
    assert.deepEqual(named(renderChart(), 'faces-mcp'), []);
  });
});

describe('mcp.enabled', () => {
  const objects = renderChart(ON);
  const deployment = find(objects, 'Deployment', 'faces-mcp');
  const service = find(objects, 'Service', 'faces-mcp');
  const container = container0(deployment);
  test('a valid Deployment and Service faces-mcp: Service port 80 to the pod’s 3000, as the original', () => {
    assert.deepEqual(named(objects, 'faces-mcp'), ['Service', 'Deployment']);
    assert.deepEqual([validateObject(deployment), validateObject(service)], [[], []]);
    assert.equal(at(service, 'spec', 'type'), 'ClusterIP');
    const { port, targetPort } = ORIGINAL.renders.service as { port: number; targetPort: string };
    assert.deepEqual(at(service, 'spec', 'ports'), [{ name: 'http', port, targetPort }]);
    assert.deepEqual(at(container, 'ports'), [
      { name: 'http', containerPort: at(ORIGINAL.renders.deployment, 'containerPort'), protocol: 'TCP' },
    ]);
    assert.equal(at(service, 'spec', 'selector', 'service'), 'faces-mcp');
    assert.equal(at(deployment, 'spec', 'template', 'metadata', 'labels', 'service'), 'faces-mcp');
  });
  test('one replica of our image, probes on /healthz and /readyz, locked down like every workload', () => {
    assert.equal(at(deployment, 'spec', 'replicas'), 1);
    assert.equal(at(container, 'image'), 'ghcr.io/faces-demo/faces:0.1.0');
    assert.equal(at(container, 'readinessProbe', 'httpGet', 'path'), '/readyz');
    assert.equal(at(container, 'livenessProbe', 'httpGet', 'path'), '/healthz');
    assert.equal(at(container, 'readinessProbe', 'httpGet', 'port'), 'http');
    assert.equal(at(deployment, 'spec', 'template', 'metadata', 'annotations', 'prometheus.io/port'), '3000');
    assert.deepEqual(at(container, 'securityContext'), {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    const pod = at(deployment, 'spec', 'template', 'spec') as Json;
    assert.equal(at(pod, 'enableServiceLinks'), false);
    assert.equal(at(pod, 'securityContext', 'runAsUser'), 1000);
    assert.equal(at(pod, 'securityContext', 'runAsNonRoot'), true);
    assert.deepEqual(at(container, 'resources'), at(ours, 'resources', 'mcp'));
  });
  test('runs faces mcp on every address, with the backends’ Services and the Service’s names as allowed hosts', () => {
    assert.deepEqual(plainEnv(objects), {
      FACES_SERVICE: 'mcp',
      HOST: '0.0.0.0',
      PORT: '3000',
      SMILEY_URL: 'http://smiley',
      COLOR_URL: 'color:80',
      FACE_URL: 'http://face',
      GUI_URL: 'http://faces-gui',
      MCP_ALLOWED_HOSTS:
        'localhost,127.0.0.1,[::1],faces-mcp,faces-mcp.faces,faces-mcp.faces.svc,faces-mcp.faces.svc.cluster.local',
    });
  });
  test('sets only variables faces mcp reads, with values it accepts', async () => {
    const known = await serviceEnv('mcp');
    const names = envOf(renderChart([...ON, '--set', `controlToken=${CONTROL}`, '--set', `mcpToken=${MCP}`])).map((v) =>
      String(at(v, 'name')),
    );
    assert.deepEqual(
      names.filter((n) => !known.names.has(n)),
      [],
    );
    const config = readMcpConfig({ ...plainEnv(objects), CONTROL_TOKEN: CONTROL, MCP_TOKEN: MCP });
    assert.equal(config.kit.port, 3000);
    assert.equal(config.transport, 'http');
    assert.deepEqual([config.color.host, config.color.port], ['color', 80]);
    assert.ok(config.allowedHosts?.includes('faces-mcp.faces.svc.cluster.local'));
  });
  test('mcp.allowedHosts adds names; extraEnv replaces a backend the chart sets', () => {
    const more = renderChart([
      ...ON,
      '--set',
      'mcp.allowedHosts={mcp.example.com}',
      '--set',
      'mcp.extraEnv.SMILEY_URL=http://smiley2',
      '--set',
      'mcp.extraEnv.LOG_LEVEL=debug',
    ]);
    const env = plainEnv(more);
    assert.match(env.MCP_ALLOWED_HOSTS ?? '', /,faces-mcp\.faces\.svc\.cluster\.local,mcp\.example\.com$/);
    assert.equal(env.SMILEY_URL, 'http://smiley2');
    assert.equal(envOf(more).filter((v) => at(v, 'name') === 'SMILEY_URL').length, 1);
    assert.equal(env.LOG_LEVEL, 'debug');
  });
  test('serviceType LoadBalancer, as the original’s value', () => {
    const lb = renderChart([...ON, '--set', 'mcp.serviceType=LoadBalancer']);
    assert.equal(at(find(lb, 'Service', 'faces-mcp'), 'spec', 'type'), 'LoadBalancer');
  });
});

describe('the tokens of faces-mcp', () => {
  test('CONTROL_TOKEN and MCP_TOKEN from the chart’s Secret, by secretKeyRef only', () => {
    const objects = renderChart([...ON, '--set', `controlToken=${CONTROL}`, '--set', `mcpToken=${MCP}`]);
    const secret = find(objects, 'Secret', 'faces-tokens');
    assert.equal(at(secret, 'data', 'MCP_TOKEN'), Buffer.from(MCP).toString('base64'));
    assert.deepEqual(
      envOf(objects).filter((v) => String(at(v, 'name')).endsWith('_TOKEN')),
      [fromSecret('faces-tokens', 'CONTROL_TOKEN'), fromSecret('faces-tokens', 'MCP_TOKEN')],
    );
    const plain = JSON.stringify(objects.filter((o) => at(o, 'kind') !== 'Secret'));
    assert.ok(!plain.includes(MCP) && !plain.includes(CONTROL), 'a token in plain sight');
  });
  test('existingSecret: MCP_TOKEN is an optional key of it (without it, faces-mcp refuses changes)', () => {
    const objects = renderChart([...ON, '--set', 'existingSecret=workshop-tokens']);
    assert.deepEqual(
      envOf(objects).filter((v) => String(at(v, 'name')).endsWith('_TOKEN')),
      [fromSecret('workshop-tokens', 'CONTROL_TOKEN'), fromSecret('workshop-tokens', 'MCP_TOKEN', true)],
    );
  });
  test('mcpToken without mcp.enabled: not stored', () => {
    const objects = renderChart(['--set', `mcpToken=${MCP}`]);
    assert.equal(objects.filter((o) => at(o, 'kind') === 'Secret').length, 0);
  });
});

describe('bad mcp values are refused in one line', () => {
  const cases: [string[], string | RegExp][] = [
    [
      ['--set', 'mcp.serviceType=Foo'],
      /^- at '\/mcp\/serviceType': value must be one of 'ClusterIP', 'NodePort', 'LoadBalancer'$/,
    ],
    [
      ['--set', 'mcpToken=short'],
      'mcpToken: "short" is not accepted: use 8 to 512 visible ASCII characters, or "" for none',
    ],
    [
      ['--set', 'mcp.extraEnv.MCP_TOKEN=abcdefghij'],
      'mcp.extraEnv.MCP_TOKEN: not through extraEnv: use mcpToken or existingSecret (a Secret, never plain env)',
    ],
    [['--set', 'mcp.extraEnv.TRANSPORT=stdio'], /^mcp\.extraEnv\.TRANSPORT: not through extraEnv: /],
    [
      ['--set', 'mcp.extraEnv.MCP_ALLOWED_HOSTS=x'],
      /^mcp\.extraEnv\.MCP_ALLOWED_HOSTS: not through extraEnv: use mcp\.allowedHosts/,
    ],
    [
      ['--set', 'mcp.extraEnv.SMILEY_URLS=x'],
      'mcp.extraEnv.SMILEY_URLS: faces mcp does not read SMILEY_URLS; did you mean SMILEY_URL?',
    ],
    [['--set', 'mcp.allowedHosts={bad_host}'], /^mcp\.allowedHosts\[0\]: "bad_host" is not accepted: use a host name/],
    [['--set', 'mcp.replica=2'], /^mcp\.replica is not a value of this chart; /],
  ];
  for (const [args, expected] of cases) {
    test(args.join(' '), () => {
      const result = helmTemplate([...ON, ...args]);
      assert.notEqual(result.status, 0);
      const error = helmError(result.stderr);
      // The schema's own messages come as "- at '/key': …" under a header (chart-bad-values.test.ts).
      const line = error.startsWith("Error: values don't meet") ? (error.split('\n').at(-1) ?? '') : error;
      if (typeof expected === 'string') assert.equal(line, expected);
      else assert.match(line, expected);
      assert.equal(line.includes('\n'), false, error);
    });
  }
});

describe('faces-mcp with the other optional parts', () => {
  test('rollouts on: faces-mcp stays one Deployment (sessions are in the pod), without a canary Service', () => {
    for (const strategy of ['canary', 'blueGreen']) {
      const objects = renderChart([...ON, '--set', 'rollouts.enabled=true', '--set', `rollouts.strategy=${strategy}`]);
      assert.deepEqual(named(objects, 'faces-mcp'), ['Service', 'Deployment'], strategy);
      assert.equal(named(objects, 'face')[1], 'Rollout');
      assert.ok(!objects.some((o) => String(at(o, 'metadata', 'name')).startsWith('faces-mcp-')), strategy);
    }
  });
  test('networkPolicy on: face, smiley and color admit faces-mcp; faces-mcp admits any client (it checks Host and MCP_TOKEN)', () => {
    const objects = renderChart([...ON, '--set', 'networkPolicy.enabled=true']);
    for (const name of ['face', 'smiley', 'color']) {
      const peers = at(find(objects, 'NetworkPolicy', name), 'spec', 'ingress', 0, 'from', 0) as Json;
      assert.ok((at(peers, 'podSelector', 'matchExpressions', 0, 'values') as string[]).includes('faces-mcp'), name);
    }
    assert.deepEqual(at(find(objects, 'NetworkPolicy', 'faces-gui'), 'spec', 'ingress'), [{}]);
    const own = find(objects, 'NetworkPolicy', 'faces-mcp');
    assert.deepEqual(validateObject(own), []);
    assert.deepEqual(at(own, 'spec', 'ingress'), [{}]);
  });
  test('helm test also asks faces-mcp’s /readyz', () => {
    const pod = find(renderChart(ON), 'Pod', 'faces-check');
    assert.ok((at(pod, 'spec', 'containers', 0, 'args') as string[]).includes('http://faces-mcp.faces'));
  });
  test('NOTES.txt: how to reach it and the token', () => {
    const result = helm(['install', 'faces', CHART, '-n', 'faces', '--dry-run=client', ...ON]);
    assert.equal(result.status, 0, result.stderr);
    const notes = result.stdout.slice(result.stdout.indexOf('NOTES:'));
    assert.match(notes, /kubectl -n faces port-forward svc\/faces-mcp 3000:80/);
    assert.match(notes, /http:\/\/localhost:3000\/mcp/);
    assert.match(notes, /--set mcpToken=/);
  });
});
