import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorFractionFor, type FaultsView, parsePercent, refusalText } from './presenter-state.js';

const quiet = { errorFraction: 0, latchFraction: 0, delayBuckets: [], maxRate: 0 };
const VIEW: FaultsView = {
  environment: quiet,
  base: { ...quiet, errorFraction: 20 },
  users: { testuser: { ...quiet, errorFraction: 100 } },
};

describe('presenter state', () => {
  it("shows a user's own error fraction, else everyone's", () => {
    assert.deepEqual(errorFractionFor(VIEW, 'testuser'), { value: 100, own: true });
    assert.deepEqual(errorFractionFor(VIEW, 'unknown'), { value: 20, own: false });
    assert.deepEqual(errorFractionFor(JSON.parse(JSON.stringify(VIEW)) as FaultsView, 'constructor'), {
      value: 20,
      own: false,
    });
  });

  it('takes a whole percent from 0 to 100 only', () => {
    assert.deepEqual(['0', ' 100 ', '55'].map(parsePercent), [0, 100, 55]);
    for (const bad of ['101', '-1', '5.5', '', 'lots', '1e2']) assert.equal(typeof parsePercent(bad), 'string', bad);
  });

  it('says why a call was refused', () => {
    assert.equal(refusalText(403, 'x'), 'the token was refused');
    assert.match(refusalText(404, undefined), /CONTROL_TOKEN/);
    assert.equal(refusalText(400, 'errorFraction: …'), 'errorFraction: …');
    assert.equal(refusalText(502, undefined), 'answered 502');
  });
});
