import assert from 'node:assert/strict';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import { BufferedCall } from './undici-call.js';
import { Pool } from './undici-pool.js';

type Ending = { status: number; body: string } | { failed: string };

class Recorded extends BufferedCall {
  readonly endings: Ending[] = [];
  constructor(
    maxBytes: number,
    timeoutMs: number | undefined,
    private readonly done: () => void,
  ) {
    super(maxBytes, timeoutMs);
  }
  protected answered(status: number, body: Buffer): void {
    this.endings.push({ status, body: body.toString() });
    this.done();
  }
  protected failed(reason: Error | 'timeout'): void {
    this.endings.push({ failed: reason === 'timeout' ? 'timeout' : String((reason as { code?: string }).code) });
    this.done();
  }
}

async function poolFor(t: TestContext, listener: RequestListener): Promise<Pool> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { connections: 1 });
  t.after(async () => {
    await pool.destroy();
    server.closeAllConnections();
    server.close();
  });
  return pool;
}

function call(pool: Pool, maxBytes: number, timeoutMs?: number): Promise<Recorded> {
  return new Promise((resolve) => {
    const recorded: Recorded = new Recorded(maxBytes, timeoutMs, () => resolve(recorded));
    pool.dispatch({ method: 'GET', path: '/' }, recorded);
  });
}

describe('BufferedCall', () => {
  it('hands over the status and the whole body, however many chunks it came in', async (t) => {
    const pool = await poolFor(t, (_request, response) => {
      response.statusCode = 418;
      response.write('a'.repeat(3000));
      setImmediate(() => response.end('b'.repeat(3000)));
    });
    const recorded = await call(pool, 64 * 1024);
    assert.deepEqual(recorded.endings, [{ status: 418, body: 'a'.repeat(3000) + 'b'.repeat(3000) }]);
  });

  it('fails a body past its cap with undici’s code, once, and aborts the connection', async (t) => {
    const pool = await poolFor(t, (_request, response) => {
      response.write('x'.repeat(1000));
      setImmediate(() => response.end('y'.repeat(1000)));
    });
    const recorded = await call(pool, 1500);
    assert.deepEqual(recorded.endings, [{ failed: 'UND_ERR_RES_EXCEEDED_MAX_SIZE' }]);
  });

  it('ends as timed out when its own timer fires first, once', async (t) => {
    const pool = await poolFor(t, () => {
      // Never answers.
    });
    const recorded = await call(pool, 1024, 50);
    assert.deepEqual(recorded.endings, [{ failed: 'timeout' }]);
  });

  it('reports a transport error', async (t) => {
    const pool = await poolFor(t, (request) => request.socket.destroy());
    const recorded = await call(pool, 1024);
    assert.equal(recorded.endings.length, 1);
    assert.ok('failed' in (recorded.endings[0] ?? {}));
  });
});
