import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isArgoBody, parseArgoEvent } from './argo-event.js';

/** A body as k8s/examples/argo-rollouts/notifications.yaml renders it for a step of a routed canary. */
const STEP = {
  source: 'argo-rollouts',
  name: 'smiley',
  namespace: 'faces',
  phase: 'Progressing',
  message: 'Canary step completed',
  eventType: 'Normal',
  step: '3',
  steps: '9',
  weight: '20',
};

describe('parseArgoEvent', () => {
  it('knows our templates’ bodies by their source, and Flagger’s apart', () => {
    assert.equal(isArgoBody(STEP), true);
    assert.equal(isArgoBody({ name: 'face', phase: 'Progressing', metadata: {} }), false);
    assert.equal(isArgoBody(null), false);
  });
  it('takes the weight when Argo routes traffic (toward 100 %)', () => {
    const parsed = parseArgoEvent(STEP);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.progress, { unit: 'weight', value: 20, max: 100 });
    assert.equal(parsed.value.phase, 'Progressing');
    assert.equal(parsed.value.message, 'Canary step completed');
  });
  it('takes the step toward the last one when there is no weight (a canary without traffic routing)', () => {
    const parsed = parseArgoEvent({ ...STEP, weight: '' });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.progress, { unit: 'step', value: 3, max: 9 });
  });
  it('has no progress for a blue-green rollout (no steps, no weight)', () => {
    const parsed = parseArgoEvent({ ...STEP, phase: 'WaitingPromotion', step: '', steps: '', weight: '' });
    assert.ok(parsed.ok);
    assert.equal(parsed.value.progress, undefined);
  });
  const refused: [string, Record<string, unknown>, RegExp][] = [
    ['a name that is not an object name', { ...STEP, name: 'Smiley!' }, /^"name" must be a Kubernetes object name/],
    ['an unknown phase', { ...STEP, phase: 'Healthy' }, /^unknown phase "Healthy": one of Initializing, /],
    ['a weight over 100', { ...STEP, weight: '101' }, /^"weight" must be a whole number from 0 to 100 as a string/],
    ['a step that is a number, not a string', { ...STEP, step: 3 }, /^"step" must be a whole number from 0 to 1000/],
    ['a message of two lines', { ...STEP, message: 'a\nb' }, /^"message" must be one line/],
    ['an unknown eventType', { ...STEP, eventType: 'Error' }, /^"eventType" must be Normal or Warning$/],
    ['a missing namespace', { ...STEP, namespace: undefined }, /^missing field "namespace"$/],
  ];
  for (const [name, body, reason] of refused) {
    it(`refuses ${name} in one line`, () => {
      const parsed = parseArgoEvent(body);
      assert.ok(!parsed.ok);
      assert.match(parsed.reason, reason);
    });
  }
});
