// Bad values fail `helm template` (so `helm install`) before anything reaches a cluster, with a
// message that names the key and what is allowed.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { helmTemplate } from '../helpers/helm.js';

const BAD: { name: string; args: string[]; message: RegExp }[] = [
  {
    name: 'errorFraction: 150',
    args: ['--set', 'face.errorFraction=150'],
    message: /\/face\/errorFraction': maximum: got 150, want 100/,
  },
  {
    name: 'errorFraction: "150" as a string',
    args: ['--set-string', 'backend.errorFraction=150'],
    message: /\/backend\/errorFraction': '150' does not match pattern/,
  },
  {
    name: 'serviceType: Foo',
    args: ['--set', 'gui.serviceType=Foo'],
    message: /\/gui\/serviceType': value must be one of 'ClusterIP', 'NodePort', 'LoadBalancer'/,
  },
  {
    name: 'replicas: -1',
    args: ['--set', 'smiley.replicas=-1'],
    message: /\/smiley\/replicas': minimum: got -1, want 0/,
  },
  {
    name: 'a misspelled top-level key (defaultReplica)',
    args: ['--set', 'defaultReplica=2'],
    message: /additional properties 'defaultReplica' not allowed/,
  },
  {
    name: 'a misspelled nested key (face.errorFracton)',
    args: ['--set', 'face.errorFracton=0'],
    message: /at '\/face': additional properties 'errorFracton' not allowed/,
  },
  {
    name: 'a color the color service refuses (bleu)',
    args: ['--set', 'color2.color=bleu'],
    message: /\/color2\/color': 'bleu' does not match pattern/,
  },
  {
    name: 'a smiley the smiley service does not know (Happy)',
    args: ['--set', 'smiley.smiley=Happy'],
    message: /\/smiley\/smiley': value must be one of 'Grinning', 'Smiling'/,
  },
  { name: 'a GUI color that could inject CSS', args: ['--set', 'gui.color=red;x:y'], message: /\/gui\/color'/ },
  {
    name: 'a delay bucket over 60000 ms',
    args: ['--set', 'backend.delayBuckets=60001'],
    message: /\/backend\/delayBuckets': maximum: got 60,?001, want 60,?000/,
  },
  {
    name: 'delay buckets that are not numbers',
    args: ['--set', 'face.delayBuckets=fast'],
    message: /\/face\/delayBuckets': 'fast' does not match pattern/,
  },
  {
    name: 'an authHeader the services do not read',
    args: ['--set', 'authHeader=X-User'],
    message: /\/authHeader': 'X-User' does not match pattern '\^\(\?i:x-faces-user\)\$'/,
  },
  {
    name: "faces-chart's ingress block, which means something else here",
    args: ['--set', 'ingress.enabled=true'],
    message: /additional properties 'ingress' not allowed/,
  },
  {
    name: 'an A/B test without the GUI Ingress',
    args: ['--set', 'flagger.abTest.enabled=true'],
    message: /flagger\.abTest\.enabled needs gui\.ingress\.enabled=true and gui\.ingress\.host/,
  },
  {
    name: 'an HTTPRoute without a Gateway',
    args: ['--set', 'gui.httpRoute.enabled=true'],
    message: /gui\.httpRoute\.parentRefs: name at least one Gateway/,
  },
  {
    name: 'an HPA whose minimum is over its maximum',
    args: ['--set', 'face.autoscaling.enabled=true', '--set', 'face.autoscaling.minReplicas=9'],
    message: /face\.autoscaling\.minReplicas \(9\) must not be more than face\.autoscaling\.maxReplicas \(5\)/,
  },
  {
    name: 'a canary load command with a shell in it',
    args: ['--set', 'flagger.canary.load=hey;rm'],
    message: /\/flagger\/canary\/load'/,
  },
];

for (const { name, args, message } of BAD) {
  test(`helm template refuses ${name}, naming the key`, () => {
    const result = helmTemplate(args);
    assert.notEqual(result.status, 0, `rendered:\n${result.stdout.slice(0, 300)}`);
    assert.match(result.stderr, message);
  });
}

test('the near-misses of those values render', () => {
  const ok = helmTemplate([
    '--set',
    'face.errorFraction=100',
    '--set',
    'gui.serviceType=NodePort',
    '--set',
    'smiley.replicas=0',
    '--set',
    'color2.color=LightCyan',
    '--set',
    'smiley.smiley=Smiling',
    '--set',
    'backend.delayBuckets=60000',
    '--set',
    'authHeader=x-faces-user',
  ]);
  assert.equal(ok.status, 0, ok.stderr);
});
