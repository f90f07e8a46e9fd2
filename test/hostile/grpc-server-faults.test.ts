// Case 7 of issue 19: one fault path for both protocols. Per-user live faults set by PUT /faults
// apply to gRPC calls made as that user (metadata x-faces-user) exactly as to HTTP GETs, and the
// reserved gRPC method (UpdateColor) is spared as PUT is; DELETE /faults ends them for both.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { request } from 'undici';
import { colorClient, GRPC_STATUS } from '../helpers/grpc-client.js';
import { get } from '../helpers/http.js';
import { startFaces } from '../helpers/processes.js';

const TOKEN = 'grpc-faults-control-token';
const CALLS = 20;

async function control(url: string, method: 'PUT' | 'DELETE', body?: unknown): Promise<number> {
  const response = await request(`${url}/faults`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await response.body.dump();
  return response.statusCode;
}

describe('per-user live faults over gRPC and HTTP', () => {
  it('errorFraction 100 for testuser fails its gRPC calls and HTTP GETs alike, and no one else’s', {
    timeout: 60_000,
  }, async (t) => {
    const color = await startFaces(['color'], { CONTROL_TOKEN: TOKEN, FACES_SEED: '7' });
    t.after(() => color.stop('SIGKILL'));
    const client = colorClient(color.port);
    t.after(() => client.close());
    assert.equal(await control(color.url, 'PUT', { errorFraction: 100, user: 'testuser' }), 200);

    const codes = async (user: string) => {
      const out: number[] = [];
      for (let i = 0; i < CALLS; i++) out.push((await client.center({}, { 'x-faces-user': user })).code);
      return out;
    };
    const statuses = async (user: string) => {
      const out: number[] = [];
      for (let i = 0; i < CALLS; i++)
        out.push((await get(`${color.url}/center/`, { headers: { 'x-faces-user': user } })).status);
      return out;
    };
    assert.deepEqual(await statuses('testuser'), Array(CALLS).fill(500));
    assert.deepEqual(await codes('testuser'), Array(CALLS).fill(GRPC_STATUS.INTERNAL), 'gRPC as testuser');
    assert.deepEqual(await codes('someone'), Array(CALLS).fill(GRPC_STATUS.OK), 'gRPC as someone else');
    assert.deepEqual(await statuses('someone'), Array(CALLS).fill(200));
    const update = await client.updateColor({ which: 'edge', color: 'red' }, { 'x-faces-user': 'testuser' });
    assert.equal(update.code, GRPC_STATUS.OK, `UpdateColor is spared: ${update.details}`);

    assert.equal(await control(color.url, 'DELETE'), 200, 'DELETE /faults with a JSON content type and no body');
    assert.deepEqual(await codes('testuser'), Array(CALLS).fill(GRPC_STATUS.OK), 'gRPC as testuser after DELETE');
  });
});
