import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FINISHED_FADE_MS, type Phase, ROLLOUT_IDLE_MS } from '../app/rollout-shape.js';
import type { FlaggerEvent } from './flagger-event.js';
import { MAX_ROLLOUTS, progressOf, RolloutBoard } from './rollouts.js';

const T = 1_700_000_000_000;

function event(phase: Phase, message: string, fields: Partial<FlaggerEvent> = {}): FlaggerEvent {
  return {
    name: 'face',
    namespace: 'faces',
    phase,
    message,
    eventType: 'Normal',
    timestampMs: T,
    maxWeight: 50,
    ...fields,
  };
}

describe('progressOf', () => {
  const cases: { message: string; expected: unknown }[] = [
    { message: 'Advance face.faces canary weight 15', expected: { unit: 'weight', value: 15, max: 50 } },
    { message: 'Advance faces-gui.faces canary iteration 3/10', expected: { unit: 'iteration', value: 3, max: 10 } },
    // Near-misses: not a step message, so the last progress stands.
    { message: 'Advance face.faces canary weightless 15', expected: { unit: 'weight', value: 5, max: 50 } },
    {
      message: 'Halt face.faces advancement success rate 25.00% < 70%',
      expected: { unit: 'weight', value: 5, max: 50 },
    },
  ];
  for (const { message, expected } of cases) {
    it(`reads ${JSON.stringify(message)}`, () => {
      assert.deepEqual(progressOf(message, 50, { unit: 'weight', value: 5, max: 50 }), expected);
    });
  }

  it('knows no maximum unless the webhook says it', () => {
    assert.deepEqual(progressOf('Advance face.faces canary weight 10', undefined, undefined), {
      unit: 'weight',
      value: 10,
      max: undefined,
    });
  });
});

describe('RolloutBoard', () => {
  it('follows a failed rollout: Initializing, weights 5, 10, 15, then the rollback', () => {
    const board = new RolloutBoard();
    board.apply(event('Initializing', 'Initialization done! face.faces'), T);
    board.apply(event('Progressing', 'New revision detected! Scaling up face.faces'), T + 1);
    for (const weight of [5, 10, 15])
      board.apply(event('Progressing', `Advance face.faces canary weight ${weight}`), T + weight);
    board.apply(
      event('Progressing', 'Halt face.faces advancement success rate 25.00% < 70%', { eventType: 'Warning' }),
      T + 20,
    );
    const failed = board.apply(
      event('Failed', 'Rolling back face.faces failed checks threshold reached 3', { eventType: 'Warning' }),
      T + 30,
    );
    assert.deepEqual(
      [failed.phase, failed.progress, failed.message, failed.finishedMs],
      [
        'Failed',
        { unit: 'weight', value: 15, max: 50 },
        'Rolling back face.faces failed checks threshold reached 3',
        T + 30,
      ],
    );
    const again = board.apply(event('Failed', 'Canary failed! Scaling down face.faces'), T + 40);
    assert.equal(again.finishedMs, T + 30, 'a second Failed event does not restart the fade');
  });

  it('fills the bar on success, and starts over on the next revision', () => {
    const board = new RolloutBoard();
    board.apply(event('Progressing', 'Advance face.faces canary weight 45'), T);
    assert.equal(
      board.apply(event('Succeeded', 'Promotion completed! Scaling down face.faces'), T + 1).progress?.value,
      50,
    );
    const next = board.apply(event('Progressing', 'New revision detected! Scaling up face.faces'), T + 2);
    assert.deepEqual([next.progress?.value, next.finishedMs], [0, undefined]);
  });

  it(`keeps at most ${MAX_ROLLOUTS} canaries: the one heard from least recently makes room`, () => {
    const board = new RolloutBoard();
    for (let i = 0; i < 500; i++) board.apply(event('Progressing', 'x', { name: `canary-${i}` }), T + i);
    board.apply(event('Progressing', 'y', { name: 'canary-470' }), T + 1000);
    board.apply(event('Progressing', 'z', { name: 'newcomer' }), T + 1001);
    const names = board.list().map((r) => r.name);
    assert.equal(names.length, MAX_ROLLOUTS);
    assert.ok(names.includes('canary-470') && names.includes('newcomer') && names.includes('canary-499'));
    assert.ok(!names.includes('canary-468'), 'the stalest made room for the newcomer');
    assert.ok(names.includes('canary-469'));
  });

  it('drops a canary silent for 10 minutes, and a finished one past its fade', () => {
    const board = new RolloutBoard();
    board.apply(event('Progressing', 'a', { name: 'quiet' }), T);
    board.apply(event('Succeeded', 'b', { name: 'done' }), T + ROLLOUT_IDLE_MS - FINISHED_FADE_MS);
    assert.equal(board.prune(T + ROLLOUT_IDLE_MS), false, 'exactly 10 minutes is not past it');
    assert.equal(board.prune(T + ROLLOUT_IDLE_MS + 1), true);
    assert.deepEqual(
      board.list().map((r) => r.name),
      [],
    );
  });

  it('tells canaries of the same name in two namespaces apart', () => {
    const board = new RolloutBoard();
    board.apply(event('Progressing', 'a'), T);
    board.apply(event('Progressing', 'b', { namespace: 'other' }), T);
    assert.deepEqual(
      board.list().map((r) => r.key),
      ['faces/face', 'other/face'],
    );
  });
});
