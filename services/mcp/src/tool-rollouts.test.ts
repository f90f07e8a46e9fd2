import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstEventData } from './tool-rollouts.js';

describe('firstEventData', () => {
  it("skips the GUI's retry block and takes the first event's data", () => {
    assert.equal(firstEventData('retry: 2000\n\nevent: rollouts\ndata: {"rollouts":[]}\n\n'), '{"rollouts":[]}');
  });
  it('waits for the blank line that ends an event', () => {
    assert.equal(firstEventData('retry: 2000\n\nevent: rollouts\ndata: {"rollouts":[]}\n'), undefined);
    assert.equal(firstEventData(': keep-alive\r\n\r\n'), undefined);
  });
  it('joins data lines with a line break', () => {
    assert.equal(firstEventData('data: a\r\ndata:b\r\n\r\n'), 'a\nb');
  });
});
