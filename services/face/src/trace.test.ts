import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outgoingTraceparent, RandomIds, traceIdOf } from './trace.js';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const SHAPE = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

describe('outgoingTraceparent', () => {
  const ids = new RandomIds();

  const continued = [
    { name: 'a sampled version-00 header', incoming: `00-${TRACE}-b7ad6b7169203331-01`, flags: '01' },
    { name: 'an unsampled one, keeping its flags', incoming: `00-${TRACE}-b7ad6b7169203331-00`, flags: '00' },
    { name: 'a later version with extra fields', incoming: `01-${TRACE}-b7ad6b7169203331-01-extra`, flags: '01' },
  ];
  for (const { name, incoming, flags } of continued) {
    it(`continues ${name} with face's own parent id`, () => {
      const out = outgoingTraceparent(incoming, ids);
      assert.match(out, SHAPE);
      assert.equal(traceIdOf(out), TRACE);
      assert.notEqual(out.slice(36, 52), 'b7ad6b7169203331');
      assert.equal(out.slice(53), flags);
    });
  }

  const refused = [
    { name: 'no header', incoming: undefined },
    { name: 'an all-zero trace id', incoming: `00-${'0'.repeat(32)}-b7ad6b7169203331-01` },
    { name: 'an all-zero parent id', incoming: `00-${TRACE}-${'0'.repeat(16)}-01` },
    { name: 'version ff', incoming: `ff-${TRACE}-b7ad6b7169203331-01` },
    { name: 'upper-case hex', incoming: `00-${TRACE.toUpperCase()}-b7ad6b7169203331-01` },
    { name: 'a version-00 header with extra fields', incoming: `00-${TRACE}-b7ad6b7169203331-01-x` },
    { name: 'a short trace id', incoming: `00-${TRACE.slice(1)}-b7ad6b7169203331-01` },
    { name: 'garbage', incoming: 'hello' },
  ];
  for (const { name, incoming } of refused) {
    it(`starts a new sampled trace for ${name}`, () => {
      const out = outgoingTraceparent(incoming, ids);
      assert.match(out, SHAPE);
      assert.notEqual(traceIdOf(out), TRACE);
      assert.notEqual(traceIdOf(out), '0'.repeat(32));
      assert.equal(out.slice(53), '01');
    });
  }

  it('gives every request its own ids, across pool refills', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => outgoingTraceparent(undefined, ids)));
    assert.equal(seen.size, 1000);
  });
});
