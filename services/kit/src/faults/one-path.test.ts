// The one fault path: an HTTP request and a gRPC call with the same user, after the same
// settings, get the same decisions from the same seed; a spared route (/healthz) and a spared gRPC
// method are both passed without a draw. Fails if either protocol picks its injector its own way.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { readKitConfig } from '../config/kit-config.js';
import { buildServer } from '../http/server.js';
import { decideFault, type FaultCall } from './call-faults.js';
import { createRng } from './random.js';

const USERS = ['testuser', 'alice', 'testuser', 'bob', 'unknown'];
const ROUNDS = 300;

function build(t: TestContext) {
  let clock = 0;
  const app = buildServer(
    readKitConfig({ HOSTNAME: 'pod-a', CONTROL_TOKEN: 'one-path-token-000', ERROR_FRACTION: '10' }, 'color'),
    { label: 'Color' },
    {
      rng: createRng(42),
      now: () => (clock += 7),
      processMetrics: false,
      logStream: { write: () => true } as unknown as NodeJS.WritableStream,
    },
  );
  app.get('/*', async () => ({ ok: true }));
  t.after(() => app.close());
  // The same live changes on both: testuser fails half the time and latches; bob is spared.
  app.faces.faults.replace({ ...app.faces.faults.environment, errorFraction: 50, latchFraction: 5 }, 'testuser');
  app.faces.faults.replace({ ...app.faces.faults.environment, errorFraction: 0 }, 'bob');
  return app;
}

/** Every third call goes to a spared route or method: not drawn for. */
const spared = (i: number) => i % 3 === 2;

describe('one fault path for HTTP and gRPC', () => {
  it(`${ROUNDS} calls as ${USERS.length} users: HTTP GETs and gRPC calls get the same faults in the same order`, async (t) => {
    const http = build(t);
    const grpc = build(t);
    const overHttp: (string | undefined)[] = [];
    const overGrpc: (string | undefined)[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const user = USERS[i % USERS.length] ?? 'unknown';
      const response = await http.inject({
        url: spared(i) ? '/healthz' : '/center/',
        headers: { 'x-faces-user': user },
      });
      overHttp.push(response.headers['x-faces-fault'] as string | undefined);
      // A gRPC call to a method its table marks spared (color's UpdateColor), or to one it does not.
      const call: FaultCall = { protocol: 'grpc', spared: spared(i), user };
      overGrpc.push((await decideFault(grpc.faces, call))?.fault);
    }
    assert.deepEqual(overGrpc, overHttp);
    const kinds = new Set(overHttp);
    assert.ok(kinds.has('error') && kinds.has('latched') && kinds.has(undefined), [...kinds].join(','));
    assert.ok(
      overHttp.every((fault, i) => !spared(i) || fault === undefined),
      'a spared call was failed',
    );
  });
});
