// The presenter's features through Helm: controlToken/eventsToken (or existingSecret) reach the
// services only through a Secret, extraEnv takes only the variables a workload reads (the names
// come from test/helpers/service-env.ts, as the env parity test's do), and NOTES.txt says how to
// read the token back and open /#presenter.
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { CHART, helm, helmError, helmTemplate, renderChart } from '../helpers/helm.js';
import { validateObject } from '../helpers/k8s-validate.js';
import { container0, find } from '../helpers/manifests.js';
import { readRepoFile } from '../helpers/repo.js';
import { serviceEnv } from '../helpers/service-env.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const TOKEN = 'presenter-token-1';
const EVENTS = 'events-token-1';
const WORKLOADS = ['face', 'smiley', 'color', 'faces-gui'];

const envOf = (objects: readonly Json[], name: string): Json[] =>
  (at(container0(find(objects, 'Deployment', name)), 'env') as Json[] | undefined) ?? [];
const fromSecret = (secret: string, key: string) => ({
  name: key,
  valueFrom: { secretKeyRef: { name: secret, key } },
});

describe('controlToken and eventsToken', () => {
  const objects = renderChart(['--set', `controlToken=${TOKEN}`, '--set', `eventsToken=${EVENTS}`]);
  test('go into one Secret, <release>-tokens', () => {
    const secret = find(objects, 'Secret', 'faces-tokens');
    assert.deepEqual(at(secret, 'data'), {
      CONTROL_TOKEN: Buffer.from(TOKEN).toString('base64'),
      EVENTS_TOKEN: Buffer.from(EVENTS).toString('base64'),
    });
    assert.deepEqual(validateObject(secret), []);
  });
  test('reach every service as CONTROL_TOKEN and the GUI as EVENTS_TOKEN, by secretKeyRef only', () => {
    for (const name of WORKLOADS) {
      const env = envOf(objects, name);
      assert.deepEqual(
        env.filter((v) => String(at(v, 'name')).endsWith('_TOKEN')),
        name === 'faces-gui'
          ? [fromSecret('faces-tokens', 'CONTROL_TOKEN'), fromSecret('faces-tokens', 'EVENTS_TOKEN')]
          : [fromSecret('faces-tokens', 'CONTROL_TOKEN')],
        name,
      );
    }
    const plain = JSON.stringify(objects.filter((o) => at(o, 'kind') !== 'Secret'));
    assert.ok(!plain.includes(TOKEN) && !plain.includes(EVENTS), 'a token in plain sight');
  });
  test('existingSecret: no Secret of ours, both variables from the one named', () => {
    const own = renderChart(['--set', 'existingSecret=workshop-tokens']);
    assert.equal(own.filter((o) => at(o, 'kind') === 'Secret').length, 0);
    assert.deepEqual(
      envOf(own, 'faces-gui').filter((v) => String(at(v, 'name')).endsWith('_TOKEN')),
      [fromSecret('workshop-tokens', 'CONTROL_TOKEN'), fromSecret('workshop-tokens', 'EVENTS_TOKEN')],
    );
  });
  test('unset (the default): no Secret and no token variable', () => {
    const plain = renderChart();
    assert.equal(plain.filter((o) => at(o, 'kind') === 'Secret').length, 0);
    for (const name of WORKLOADS) assert.ok(!JSON.stringify(envOf(plain, name)).includes('_TOKEN'), name);
  });
  test('a token the services would refuse is refused in one line', () => {
    assert.equal(
      helmError(helmTemplate(['--set', 'controlToken=short']).stderr),
      'controlToken: "short" is not accepted: use 8 to 512 visible ASCII characters, or "" for none',
    );
  });
});

describe('NOTES.txt', () => {
  const notes = (args: string[]) => {
    const result = helm(['install', 'faces', CHART, '-n', 'faces', '--dry-run=client', ...args]);
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.slice(result.stdout.indexOf('NOTES:'));
  };
  test('with a control token: how to read it back and where the presenter panel is', () => {
    const text = notes(['--set', `controlToken=${TOKEN}`]);
    assert.match(text, /open the GUI at \/#presenter \(e\.g\. http:\/\/localhost:8080\/#presenter\)/);
    assert.match(
      text,
      /kubectl -n faces get secret faces-tokens -o jsonpath='\{\.data\.CONTROL_TOKEN\}' \| base64 -d; echo/,
    );
    assert.match(text, /helm test faces -n faces/);
  });
  test('without one: how to turn the panel on', () => {
    assert.match(notes([]), /Presenter panel \(live faults, \/#presenter\): off\. Turn it on with --set controlToken=/);
  });
  test('with rollouts on: the Argo Rollouts commands, not rollout status of a Deployment', () => {
    const text = notes(['--set', 'rollouts.enabled=true', '--set', 'rollouts.strategy=blueGreen']);
    assert.match(text, /kubectl argo rollouts -n faces status faces-gui/);
    assert.match(text, /kubectl argo rollouts -n faces promote face/);
    assert.doesNotMatch(text, /deploy\/faces-gui/);
  });
});

describe('extraEnv', () => {
  test('adds the variables after the chart’s own, numbers as strings', () => {
    const objects = renderChart([
      '--set',
      'face.extraEnv.LOG_LEVEL=debug',
      '--set',
      'face.extraEnv.BACKEND_TIMEOUT_MS=2000',
    ]);
    const env = envOf(objects, 'face');
    assert.deepEqual(env.slice(-2), [
      { name: 'BACKEND_TIMEOUT_MS', value: '2000' },
      { name: 'LOG_LEVEL', value: 'debug' },
    ]);
  });
  test('refuses a variable the workload does not read, naming the workload, with the nearest name', () => {
    const error = helmError(helmTemplate(['--set', 'smiley2.extraEnv.LOG_LEVL=debug']).stderr);
    assert.equal(error, 'smiley2.extraEnv.LOG_LEVL: smiley does not read LOG_LEVL; did you mean LOG_LEVEL?');
    const far = helmError(helmTemplate(['--set', 'color.extraEnv.SMILEY=Kaboom']).stderr);
    assert.match(far, /^color\.extraEnv\.SMILEY: color does not read SMILEY; it reads ALLOW_UPDATES, COLOR, /);
  });
  test('refuses the variables the chart sets itself, saying what to use', () => {
    const error = helmError(helmTemplate(['--set', 'gui.extraEnv.CONTROL_TOKEN=abcdefghij']).stderr);
    assert.equal(
      error,
      'gui.extraEnv.CONTROL_TOKEN: not through extraEnv: use controlToken or existingSecret (a Secret, never plain env)',
    );
  });
  const checks = JSON.parse(readRepoFile('charts/faces/checks.json')) as Json;
  for (const [key, service] of [
    ['gui', 'gui'],
    ['face', 'face'],
    ['smiley3', 'smiley'],
    ['color2', 'color'],
    ['mcp', 'mcp'],
  ] as const) {
    test(`${key}: the names it takes are those ${service} reads (service-env.ts), less the chart's own`, async () => {
      const names = at(checks, 'properties', key, 'properties', 'extraEnv', 'x-faces-names') as Json;
      const allowed = at(names, 'allowed') as string[];
      const reserved = Object.keys(at(names, 'reserved') as object);
      const read = (await serviceEnv(service)).names;
      assert.deepEqual([...allowed, ...reserved].sort(), [...read].sort());
      assert.ok(allowed.includes('LOG_LEVEL'));
    });
  }
});
