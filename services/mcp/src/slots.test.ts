import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Slots } from './slots.js';

describe('Slots', () => {
  it('gives out at most max slots, and one again once one is released', () => {
    const slots = new Slots(2);
    assert.equal(slots.take(), true);
    assert.equal(slots.take(), true);
    assert.equal(slots.take(), false);
    assert.equal(slots.inUse, 2);
    slots.release();
    assert.equal(slots.take(), true);
  });

  it('never goes below zero on an extra release', () => {
    const slots = new Slots(1);
    slots.release();
    assert.equal(slots.inUse, 0);
    assert.equal(slots.take(), true);
    assert.equal(slots.take(), false);
  });
});
