import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Rollout } from './rollout-shape.js';
import { bannerView, formatAgo, serverNow, visibleBanners } from './rollout-view.js';

const T = 1_700_000_000_000;

function rollout(fields: Partial<Rollout> = {}): Rollout {
  return {
    key: 'faces/face',
    name: 'face',
    namespace: 'faces',
    phase: 'Progressing',
    progress: { unit: 'weight', value: 15, max: 50 },
    message: 'Advance face.faces canary weight 15',
    eventType: 'Normal',
    updatedMs: T,
    finishedMs: undefined,
    ...fields,
  };
}

describe('bannerView', () => {
  it('names the canary, its phase, the weight toward the maximum and how long ago', () => {
    const view = bannerView(rollout(), T + 42_000);
    assert.deepEqual(
      [view.title, view.phase, view.tone, view.progressText, view.bar, view.ago, view.fading],
      ['face.faces', 'Progressing', 'live', 'weight 15 % of 50 %', { value: 15, max: 50 }, '42 s ago', false],
    );
  });

  const tones: { phase: Rollout['phase']; tone: string }[] = [
    { phase: 'Failed', tone: 'failed' },
    { phase: 'Succeeded', tone: 'succeeded' },
    { phase: 'Promoting', tone: 'live' },
    { phase: 'Initializing', tone: 'waiting' },
    { phase: 'Terminated', tone: 'waiting' },
  ];
  for (const { phase, tone } of tones) {
    it(`colours ${phase} as ${tone}`, () => assert.equal(bannerView(rollout({ phase }), T).tone, tone));
  }

  it('has no bar without a known maximum, and says so in the text', () => {
    const view = bannerView(rollout({ progress: { unit: 'weight', value: 10, max: undefined } }), T);
    assert.equal(view.bar, undefined);
    assert.equal(view.progressText, 'weight 10 %');
    const ab = bannerView(rollout({ progress: { unit: 'iteration', value: 3, max: 10 } }), T);
    assert.deepEqual([ab.progressText, ab.bar], ['iteration 3 of 10', { value: 3, max: 10 }]);
    const argo = bannerView(rollout({ progress: { unit: 'step', value: 3, max: 9 } }), T);
    assert.deepEqual([argo.progressText, argo.bar], ['step 3 of 9', { value: 3, max: 9 }]);
  });

  it('fades a finished banner from one minute on (59.9 s is not yet)', () => {
    const finished = rollout({ phase: 'Failed', finishedMs: T });
    assert.equal(bannerView(finished, T + 59_900).fading, false);
    assert.equal(bannerView(finished, T + 60_000).fading, true);
  });
});

describe('visibleBanners', () => {
  it('shows the newest first, drops a rollout idle for 10 minutes and a faded-out one', () => {
    const rollouts = [
      rollout({ key: 'a', updatedMs: T - 10 * 60_000 - 1 }),
      rollout({ key: 'b', updatedMs: T - 10 * 60_000 }),
      rollout({ key: 'c', phase: 'Succeeded', updatedMs: T - 62_000, finishedMs: T - 62_000 }),
      rollout({ key: 'd', phase: 'Succeeded', updatedMs: T - 61_000, finishedMs: T - 61_000 }),
      rollout({ key: 'e', updatedMs: T }),
    ];
    assert.deepEqual(
      visibleBanners(rollouts, T).map((v) => [v.key, v.fading]),
      [
        ['e', false],
        ['d', true],
        ['b', false],
      ],
    );
  });
});

describe('time', () => {
  it('says how long ago in words', () => {
    assert.deepEqual(
      [formatAgo(0), formatAgo(4999), formatAgo(5000), formatAgo(59_999), formatAgo(180_000)],
      ['just now', 'just now', '5 s ago', '59 s ago', '3 min ago'],
    );
  });

  it("follows the server's clock, whatever the page's says", () => {
    assert.equal(serverNow(T, 5000, 6500), T + 1500);
    assert.equal(serverNow(T, 5000, 4000), T, 'a page clock going back does not move it back');
  });
});
