import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { machineCpuTimes, median, stolenShare } from './measure.js';

describe('stolenShare', () => {
  const stat = (user: number, idle: number, steal: number) =>
    `cpu  ${user} 0 0 ${idle} 0 0 0 ${steal} 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n`;

  it('is the stolen ticks over all ticks between two readings of /proc/stat', () => {
    const before = machineCpuTimes(stat(100, 100, 0));
    const after = machineCpuTimes(stat(150, 130, 20));
    assert.equal(stolenShare(before, after), 20 / 100);
  });

  it('is 0 when no time passed', () => {
    const same = machineCpuTimes(stat(1, 1, 1));
    assert.equal(stolenShare(same, same), 0);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });
});
