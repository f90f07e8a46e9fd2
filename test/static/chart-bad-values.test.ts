// Bad values fail `helm template` (so `helm install`) before anything reaches a cluster, with one
// human line that names the key and what is allowed: never a regular expression, and for a
// misspelt key the nearest one there is.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { helmError, helmTemplate } from '../helpers/helm.js';

const BAD: { name: string; args: string[]; message: RegExp }[] = [
  {
    name: 'errorFraction: 150',
    args: ['--set', 'face.errorFraction=150'],
    message: /\/face\/errorFraction': maximum: got 150, want 100/,
  },
  {
    name: 'errorFraction: "150" as a string',
    args: ['--set-string', 'backend.errorFraction=150'],
    message: /^backend\.errorFraction: "150" is not accepted: use a whole percent from 0 to 100$/,
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
    message: /^defaultReplica is not a value of this chart; did you mean defaultReplicas\?$/,
  },
  {
    name: 'a misspelled nested key (face.errorFracton)',
    args: ['--set', 'face.errorFracton=0'],
    message: /^face\.errorFracton is not a value of this chart; did you mean face\.errorFraction\?$/,
  },
  {
    name: 'a color the color service refuses (bleu)',
    args: ['--set', 'color2.color=bleu'],
    message:
      /^color2\.color: "bleu" is not accepted: use a palette name \(grey, black, white, darkblue, blue, green, yellow, red, purple\), a CSS color name, #RGB or #RRGGBB; "" for faces-chart's light blue$/,
  },
  {
    name: 'a smiley the smiley service does not know (Happy)',
    args: ['--set', 'smiley.smiley=Happy'],
    message: /\/smiley\/smiley': value must be one of '', 'Grinning', 'Smiling'/,
  },
  {
    name: 'a GUI color that could inject CSS',
    args: ['--set', 'gui.color=red;x:y'],
    message: /^gui\.color: "red;x:y" is not accepted: use a palette name .*, rgb\(…\) or hsl\(…\), or ""$/,
  },
  {
    name: 'a delay bucket over 60000 ms',
    args: ['--set', 'backend.delayBuckets=60001'],
    message: /\/backend\/delayBuckets': maximum: got 60,?001, want 60,?000/,
  },
  {
    name: 'delay buckets that are not numbers',
    args: ['--set', 'face.delayBuckets=fast'],
    message: /^face\.delayBuckets: "fast" is not accepted: use comma-separated whole milliseconds from 0 to 60000/,
  },
  {
    name: 'an authHeader the services do not read',
    args: ['--set', 'authHeader=X-User'],
    message:
      /^authHeader: "X-User" is not accepted: use only X-Faces-User: the services have no variable to rename the header$/,
  },
  {
    name: "faces-chart's ingress block, which means something else here",
    args: ['--set', 'ingress.enabled=true'],
    message:
      /^ingress\.enabled: faces-chart's ingress workload .* use gui\.ingress\.enabled \(or gui\.httpRoute\.enabled\) for a route to the GUI$/,
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
    message:
      /^flagger\.canary\.load: "hey;rm" is not accepted: use a `faces load …` or `hey …` command without its URL$/,
  },
];

for (const { name, args, message } of BAD) {
  test(`helm template refuses ${name}, naming the key in one line`, () => {
    const result = helmTemplate(args);
    assert.notEqual(result.status, 0, `rendered:\n${result.stdout.slice(0, 300)}`);
    const error = helmError(result.stderr);
    // The schema's own messages come as "- at '/key': …" under a header; ours as the line itself.
    const line = error.startsWith("Error: values don't meet") ? (error.split('\n').at(-1) ?? '') : error;
    assert.equal(line.includes('\n'), false, error);
    assert.doesNotMatch(line, /pattern|\^\(|\(\?i:/, 'no regular expression in the message');
    assert.match(line, message);
  });
}

test('an unknown key with no near one lists the keys there are', () => {
  const error = helmError(helmTemplate(['--set', 'gui.zzz=1']).stderr);
  assert.match(error, /^gui\.zzz is not a value of this chart; gui takes: color, colorForUser, edgeSize, extraEnv, /);
});

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
    '--set',
    'color.color=',
    '--set',
    'smiley.smiley=',
  ]);
  assert.equal(ok.status, 0, ok.stderr);
});
