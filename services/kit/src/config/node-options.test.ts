import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RUNTIME_NODE_OPTIONS, withRuntimeNodeOptions } from './node-options.js';

describe('withRuntimeNodeOptions', () => {
  it('adds the runtime flags when NODE_OPTIONS is unset or empty, keeping the rest', () => {
    assert.deepEqual(withRuntimeNodeOptions({ PORT: '1' }), { PORT: '1', NODE_OPTIONS: RUNTIME_NODE_OPTIONS });
    assert.equal(withRuntimeNodeOptions({ NODE_OPTIONS: '' }).NODE_OPTIONS, RUNTIME_NODE_OPTIONS);
  });

  it("leaves a user's NODE_OPTIONS alone", () => {
    assert.equal(withRuntimeNodeOptions({ NODE_OPTIONS: '--inspect' }).NODE_OPTIONS, '--inspect');
  });

  it('names only flags Node accepts in NODE_OPTIONS', () => {
    for (const flag of RUNTIME_NODE_OPTIONS.split(' ')) {
      assert.ok(
        process.allowedNodeEnvironmentFlags.has(flag.split('=')[0] ?? ''),
        `${flag} is not allowed in NODE_OPTIONS`,
      );
    }
  });
});
