import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstSlot, nextSlot } from './schedule.js';

test('nextSlot keeps an absolute schedule and drops slots only past the lag bound', () => {
  const cases = [
    { name: 'on time: the next slot one interval later', previous: 0, now: 10, expected: { atMs: 100, skipped: 0 } },
    {
      name: 'late answer: next slot still on the grid (sent at once)',
      previous: 0,
      now: 180,
      expected: { atMs: 100, skipped: 0 },
    },
    { name: 'exactly at the lag bound: nothing dropped', previous: 0, now: 1100, expected: { atMs: 100, skipped: 0 } },
    {
      name: 'just past the bound: drops the missed slots',
      previous: 0,
      now: 1101,
      expected: { atMs: 1100, skipped: 10 },
    },
    {
      name: 'far behind: lands on the latest slot on the grid',
      previous: 0,
      now: 5050,
      expected: { atMs: 5000, skipped: 49 },
    },
  ];
  for (const { name, previous, now, expected } of cases) {
    assert.deepEqual(nextSlot(previous, 100, now, 1000), expected, name);
  }
});

test('a steady worker gets exactly duration/interval slots', () => {
  let slot = firstSlot(0, 50, 1, 2);
  let sent = 0;
  while (slot < 3000) {
    sent++;
    slot = nextSlot(slot, 50, slot + 3, 1000).atMs;
  }
  assert.equal(sent, 60);
});

test('firstSlot spreads workers across one interval', () => {
  assert.deepEqual(
    [0, 1, 2, 3].map((worker) => firstSlot(1000, 100, worker, 4)),
    [1000, 1025, 1050, 1075],
  );
});
