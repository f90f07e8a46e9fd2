import assert from 'node:assert/strict';
import type { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { describe, it } from 'node:test';
import { rotatingLookup } from './connection-pool.js';

const ADDRESSES: LookupAddress[] = [
  { address: '10.0.0.1', family: 4 },
  { address: '10.0.0.2', family: 4 },
  { address: '10.0.0.3', family: 4 },
];

/** A resolver that answers ADDRESSES (in DNS order) and counts how often it was asked. */
function fakeResolver() {
  const asked: string[] = [];
  const resolve = ((hostname: string, _options: unknown, callback: (e: null, a: LookupAddress[]) => void) => {
    asked.push(hostname);
    callback(null, ADDRESSES);
  }) as unknown as typeof dnsLookup;
  return { asked, resolve };
}

const firstAddress = (lookup: ReturnType<typeof rotatingLookup>, all: boolean) =>
  new Promise<string>((resolve, reject) => {
    lookup('color.faces.svc', { all }, (error: Error | null, address: string | LookupAddress[]) => {
      if (error) reject(error);
      else resolve(typeof address === 'string' ? address : (address[0]?.address ?? ''));
    });
  });

describe("the gRPC pool's lookup", () => {
  it('resolves the name anew for every connection and starts each at the next address', async () => {
    for (const all of [true, false]) {
      const { asked, resolve } = fakeResolver();
      const lookup = rotatingLookup(resolve);
      const firsts = [];
      for (let dial = 0; dial < 4; dial++) firsts.push(await firstAddress(lookup, all));
      assert.deepEqual(firsts, ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.1']);
      assert.equal(asked.length, 4);
    }
  });
});
