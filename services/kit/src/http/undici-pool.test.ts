import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { Dispatcher } from 'undici';
import { Pool } from './undici-pool.js';

// Runs in its own process (node --test), where nothing else has loaded undici's index.
describe('undici-pool', () => {
  it("dispatches requests without loading undici's index", async (t) => {
    const server = createServer((_request, response) => response.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => server.close());
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 1 });
    t.after(() => pool.close());
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      let status = 0;
      const chunks: Buffer[] = [];
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart: () => {},
        onResponseStart: (_controller, statusCode) => {
          status = statusCode;
        },
        onResponseData: (_controller, chunk) => {
          chunks.push(chunk);
        },
        onResponseEnd: () => resolve({ status, body: Buffer.concat(chunks).toString() }),
        onResponseError: (_controller, error) => reject(error),
      };
      pool.dispatch({ method: 'GET', path: '/' }, handler);
    });
    assert.deepEqual(answer, { status: 200, body: 'pong' });
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    assert.ok(loaded.some((file) => file.endsWith('/undici/lib/dispatcher/pool.js')));
    assert.ok(!loaded.some((file) => file.endsWith('/undici/index.js')), "undici's index was loaded");
  });
});
