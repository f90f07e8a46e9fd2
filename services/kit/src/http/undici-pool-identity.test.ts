import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as undici from 'undici';
import { errors, Pool } from './undici-pool.js';

// undici-pool.ts reaches into undici's files: an upgrade that moves them must fail here.
describe('undici-pool', () => {
  it("is undici's own Pool and errors, as its index exports them", () => {
    assert.equal(Pool, undici.Pool);
    assert.equal(errors, undici.errors);
  });
});
