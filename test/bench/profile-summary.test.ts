import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { busyTimeByOwner, type CpuProfile, ownerOf } from './profile-summary.js';

const frame = (functionName: string, url: string) => ({ functionName, url });

describe('ownerOf', () => {
  it('names npm packages (scoped too), Faces workspaces, Node and V8 pseudo-frames', () => {
    assert.equal(ownerOf(frame('send', 'file:///app/node_modules/fastify/lib/reply.js')), 'fastify');
    assert.equal(ownerOf(frame('x', 'file:///app/node_modules/@fastify/error/index.js')), '@fastify/error');
    assert.equal(ownerOf(frame('f', 'file:///repo/services/kit/dist/metrics.js')), 'services/kit');
    assert.equal(ownerOf(frame('f', 'file:///repo/gui/dist/node/server/app.js')), 'gui');
    assert.equal(ownerOf(frame('emit', 'node:events')), 'node (JS)');
    assert.equal(ownerOf(frame('(garbage collector)', '')), '(garbage collector)');
    assert.equal(ownerOf(frame('writev', '')), '(writev)');
  });
});

describe('busyTimeByOwner', () => {
  it('sums self time per owner over the busy time, idle left out, largest first', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)', '') },
        { id: 2, callFrame: frame('send', 'file:///a/node_modules/fastify/lib/reply.js') },
        { id: 3, callFrame: frame('route', 'file:///a/node_modules/fastify/lib/route.js') },
        { id: 4, callFrame: frame('writev', '') },
      ],
      samples: [1, 2, 3, 4, 1],
      timeDeltas: [500, 10, 20, 10, 500],
    };
    assert.deepEqual(busyTimeByOwner(profile), [
      { name: 'fastify', share: 0.75 },
      { name: '(writev)', share: 0.25 },
    ]);
  });
});
