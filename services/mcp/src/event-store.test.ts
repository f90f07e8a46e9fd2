import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { BoundedEventStore } from './event-store.js';

const message = (n: number): JSONRPCMessage => ({ jsonrpc: '2.0', method: 'notifications/progress', params: { n } });

async function replayed(store: BoundedEventStore, after: string): Promise<{ stream: string; ns: unknown[] }> {
  const ns: unknown[] = [];
  const stream = await store.replayEventsAfter(after, {
    send: async (_id, sent) => {
      ns.push((sent as unknown as { params: { n: number } }).params.n);
    },
  });
  return { stream, ns };
}

describe('BoundedEventStore', () => {
  it('replays the events of the same stream after the one given, in order', async () => {
    const store = new BoundedEventStore(10);
    const first = await store.storeEvent('a', message(1));
    await store.storeEvent('b', message(2));
    await store.storeEvent('a', message(3));
    await store.storeEvent('a', message(4));
    assert.deepEqual(await replayed(store, first), { stream: 'a', ns: [3, 4] });
    assert.equal(await store.getStreamIdForEventId(first), 'a');
  });

  it('keeps at most its bound, dropping the oldest: memory does not grow with a long session', async () => {
    const store = new BoundedEventStore(3);
    const ids: string[] = [];
    for (let n = 1; n <= 1000; n++) ids.push(await store.storeEvent('a', message(n)));
    assert.equal(store.size, 3);
    assert.equal(await store.getStreamIdForEventId(ids[0] as string), undefined);
    assert.deepEqual(await replayed(store, ids[997] as string), { stream: 'a', ns: [999, 1000] });
  });

  it('replays nothing after an unknown or dropped event id', async () => {
    const store = new BoundedEventStore(2);
    assert.deepEqual(await replayed(store, 'a_1'), { stream: '', ns: [] });
  });
});
