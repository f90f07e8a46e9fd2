// Argo Rollouts' notifications reach the GUI's rollout banner: the templates we ship
// (k8s/examples/argo-rollouts/notifications.yaml) are rendered with Go's text/template (through
// Helm) for the chart's own Rollouts at each stage, and posted to a real `faces gui`, which must
// take every body and show the phase, the weight or the step, as it does Flagger's events.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BODY_TEMPLATES, NOTIFICATIONS, renderBodies, withStatus } from '../helpers/argo-notifications.js';
import { postEvent } from '../helpers/flagger-events.js';
import { renderChart } from '../helpers/helm.js';
import { find } from '../helpers/manifests.js';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const TRIGGERS = [
  'on-rollout-aborted',
  'on-rollout-completed',
  'on-rollout-paused',
  'on-rollout-step-completed',
  'on-rollout-updated',
];

/** What the event stream says of one rollout (the fields these tests read). */
interface Shown {
  readonly key: string;
  readonly phase: string;
  readonly progress?: { unit: string; value: number; max?: number };
  readonly message: string;
  readonly eventType: string;
}

/** The GUI's rollouts now: the first snapshot of its event stream. */
async function rollouts(gui: RunningService): Promise<Shown[]> {
  const controller = new AbortController();
  const response = await fetch(`${gui.url}/events/stream`, { signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  controller.abort();
  const data = /^data: (.*)$/m.exec(text)?.[1];
  return (JSON.parse(data ?? '{}') as { rollouts: Shown[] }).rollouts;
}

const weights = (canary: number) => ({ canary: { weight: canary }, stable: { weight: 100 - canary } });

it('the ConfigMap redefines the five rollout triggers, each sending one faces-gui template', () => {
  assert.deepEqual(Object.keys(BODY_TEMPLATES).sort(), TRIGGERS);
  assert.match(
    String(at(NOTIFICATIONS, 'data', 'service.webhook.faces-gui')),
    /^url: http:\/\/faces-gui\.faces\/events\n/,
  );
});

it("the chart's Rollouts subscribe to exactly those triggers (rollouts.guiEvents)", () => {
  const rollout = find(renderChart(['--set', 'rollouts.enabled=true']), 'Rollout', 'face');
  const annotations = Object.keys(at(rollout, 'metadata', 'annotations') as object).sort();
  assert.deepEqual(
    annotations,
    TRIGGERS.map((t) => `notifications.argoproj.io/subscribe.${t}.faces-gui`),
  );
});

describe('the bodies, posted to a real GUI', () => {
  let gui: RunningService;
  before(async () => {
    gui = await startFaces(['gui'], { FACE_SERVICE: '127.0.0.1:9' });
  });
  after(() => gui?.stop());

  const routed = find(renderChart(['--set', 'rollouts.enabled=true']), 'Rollout', 'smiley');
  const plain = find(
    renderChart(['--set', 'rollouts.enabled=true', '--set', 'rollouts.canary.trafficRouting.plugin.name=']),
    'Rollout',
    'face',
  );
  const blueGreen = find(
    renderChart(['--set', 'rollouts.enabled=true', '--set', 'rollouts.strategy=blueGreen']),
    'Rollout',
    'color',
  );

  /** Renders the trigger's body for this Rollout and status, checks it is JSON, posts it. */
  async function post(rollout: Json, status: Json, trigger: string): Promise<Record<string, string>> {
    const body = renderBodies(withStatus(rollout, status))[trigger] ?? '';
    const parsed = JSON.parse(body) as Record<string, string>;
    assert.equal(await postEvent(gui.url, parsed), 202, body);
    return parsed;
  }
  const shown = async (key: string) => (await rollouts(gui)).find((r) => r.key === key);

  it('a canary with the Gateway API plugin: its weight, step by step, then promoted', async () => {
    const first = await post(
      routed,
      { phase: 'Progressing', currentStepIndex: 0, canary: { weights: weights(0) } },
      'on-rollout-updated',
    );
    assert.deepEqual([first.step, first.steps, first.weight], ['', '9', '0']);
    await post(
      routed,
      { phase: 'Progressing', currentStepIndex: 3, canary: { weights: weights(20) } },
      'on-rollout-step-completed',
    );
    let banner = await shown('faces/smiley');
    assert.deepEqual(
      [banner?.phase, banner?.progress, banner?.message],
      ['Progressing', { unit: 'weight', value: 20, max: 100 }, 'Canary step completed'],
    );
    await post(routed, { phase: 'Paused', currentStepIndex: 7, canary: { weights: weights(70) } }, 'on-rollout-paused');
    banner = await shown('faces/smiley');
    assert.deepEqual([banner?.phase, banner?.progress?.value], ['WaitingPromotion', 70]);
    await post(
      routed,
      { phase: 'Healthy', currentStepIndex: 9, canary: { weights: weights(0) } },
      'on-rollout-completed',
    );
    banner = await shown('faces/smiley');
    assert.deepEqual([banner?.phase, banner?.progress], ['Succeeded', { unit: 'weight', value: 100, max: 100 }]);
  });

  it('a canary without traffic routing: the step toward the last; aborted is a Warning and Failed', async () => {
    const body = await post(plain, { phase: 'Progressing', currentStepIndex: 4 }, 'on-rollout-step-completed');
    assert.deepEqual([body.step, body.steps, body.weight], ['4', '9', '']);
    assert.deepEqual((await shown('faces/face'))?.progress, { unit: 'step', value: 4, max: 9 });
    await post(plain, { phase: 'Degraded', currentStepIndex: 4, abort: true }, 'on-rollout-aborted');
    const banner = await shown('faces/face');
    assert.deepEqual([banner?.phase, banner?.eventType], ['Failed', 'Warning']);
  });

  it('blue-green: the phase, and no progress (no steps, no weight)', async () => {
    const body = await post(blueGreen, { phase: 'Paused' }, 'on-rollout-paused');
    assert.deepEqual([body.step, body.steps, body.weight], ['', '', '']);
    const banner = await shown('faces/color');
    assert.deepEqual([banner?.phase, banner?.progress], ['WaitingPromotion', undefined]);
  });
});
