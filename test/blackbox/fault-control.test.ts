import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { request } from 'undici';
import { createAgent, get } from '../helpers/http.js';
import { runFacesToExit, startFaces } from '../helpers/processes.js';
import { startStack } from '../helpers/stack.js';
import { binomialBounds } from '../helpers/stats.js';

const TOKEN = 'blackbox-control-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };

async function control(
  url: string,
  method: 'GET' | 'PUT' | 'DELETE',
  body?: unknown,
  headers: Record<string, string> = AUTH,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await request(url, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.body.text();
  return { status: response.statusCode, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** The statuses of `count` GETs in turn, the i-th as users[i % users.length]. */
async function statusesAs(url: string, users: readonly string[], count: number): Promise<number[]> {
  const agent = createAgent(1);
  try {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      out.push((await get(url, { agent, headers: { 'x-faces-user': users[i % users.length] ?? 'unknown' } })).status);
    }
    return out;
  } finally {
    await agent.close();
  }
}

describe('live fault control over real HTTP', () => {
  it('answers 404 on every service when CONTROL_TOKEN is unset', async (t) => {
    const smiley = await startFaces(['smiley']);
    t.after(() => smiley.stop());
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      assert.equal((await control(`${smiley.url}/faults`, method, method === 'PUT' ? {} : undefined)).status, 404);
    }
  });

  it('needs the Bearer token: 401 without one, 403 with a wrong one, and changes nothing then', async (t) => {
    const color = await startFaces(['color'], { CONTROL_TOKEN: TOKEN });
    t.after(() => color.stop());
    const url = `${color.url}/faults`;
    assert.equal((await control(url, 'PUT', { errorFraction: 100 }, {})).status, 401);
    assert.equal(
      (await control(url, 'PUT', { errorFraction: 100 }, { authorization: `Bearer ${TOKEN}x` })).status,
      403,
    );
    assert.equal((await control(url, 'DELETE', undefined, { authorization: 'Bearer nope-nope-nope' })).status, 403);
    assert.equal((await get(`${color.url}/`)).status, 200);
  });

  it('refuses a bad value with 400 and the message the environment variable gets', async (t) => {
    const refused = await runFacesToExit(['smiley'], { MAX_RATE: '-3' });
    assert.equal(refused.code, 2);
    const smiley = await startFaces(['smiley'], { CONTROL_TOKEN: TOKEN });
    t.after(() => smiley.stop());
    const answer = await control(`${smiley.url}/faults`, 'PUT', { maxRate: -3 });
    assert.equal(answer.status, 400);
    assert.equal(answer.json.field, 'maxRate');
    assert.equal(`faces smiley: ${String(answer.json.error).replace(/^maxRate: /, '')}\n`, refused.stderr);
  });

  it('targets one user, measured: testuser fails 60 % (binomial bound), everyone else 10 %, then DELETE restores', async (t) => {
    const smiley = await startFaces(['smiley'], { CONTROL_TOKEN: TOKEN, FACES_SEED: '1616', ERROR_FRACTION: '10' });
    t.after(() => smiley.stop());
    const put = await control(`${smiley.url}/faults`, 'PUT', { errorFraction: 60, user: 'testuser' });
    assert.equal(put.status, 200);
    const statuses = await statusesAs(`${smiley.url}/center/`, ['testuser', 'production'], 2400);
    const failuresOf = (parity: number) => statuses.filter((s, i) => i % 2 === parity && s === 500).length;
    const target = binomialBounds(1200, 0.6);
    const others = binomialBounds(1200, 0.1);
    assert.ok(
      failuresOf(0) >= target.low && failuresOf(0) <= target.high,
      `testuser: ${failuresOf(0)} of 1200, ${target.low}..${target.high}`,
    );
    assert.ok(
      failuresOf(1) >= others.low && failuresOf(1) <= others.high,
      `others: ${failuresOf(1)} of 1200, ${others.low}..${others.high}`,
    );

    const reset = await control(`${smiley.url}/faults`, 'DELETE');
    assert.deepEqual(reset.json.base, reset.json.environment);
    assert.deepEqual(reset.json.users, {});
    const after = await statusesAs(`${smiley.url}/`, ['testuser'], 600);
    const afterBound = binomialBounds(600, 0.1);
    const afterFailures = after.filter((s) => s === 500).length;
    assert.ok(afterFailures <= afterBound.high, `testuser after reset: ${afterFailures} of 600`);
  });

  it('with FACES_SEED, the same control calls and requests give the same outcomes', async (t) => {
    const env = { CONTROL_TOKEN: TOKEN, FACES_SEED: '77' };
    const [first, second] = await Promise.all([startFaces(['color'], env), startFaces(['color'], env)]);
    t.after(() => Promise.all([first.stop(), second.stop()]));
    const run = async (url: string) => {
      const before = await statusesAs(`${url}/`, ['a'], 20);
      await control(`${url}/faults`, 'PUT', { errorFraction: 40 });
      await control(`${url}/faults`, 'PUT', { errorFraction: 70, latchFraction: 10, user: 'b' });
      const during = await statusesAs(`${url}/`, ['a', 'b', 'c'], 300);
      await control(`${url}/faults`, 'DELETE', undefined);
      return [...before, ...during];
    };
    const a = await run(first.url);
    const b = await run(second.url);
    assert.deepEqual(a, b);
    assert.ok(a.includes(500) && a.includes(200), 'the run has both outcomes');
  });

  it('reaches smiley and color through the GUI and face, with each hop checking the token', async (t) => {
    const withToken = { CONTROL_TOKEN: TOKEN };
    const stack = await startStack({ smiley: withToken, color: withToken, face: withToken, gui: withToken });
    t.after(() => stack.stop());
    const put = await control(`${stack.gui.url}/faults/smiley`, 'PUT', { errorFraction: 100, user: 'testuser' });
    assert.equal(put.status, 200, JSON.stringify(put.json));
    assert.deepEqual(Object.keys(put.json.users as object), ['testuser']);
    // smiley itself now has the settings.
    assert.equal(
      ((await control(`${stack.smiley.url}/faults`, 'GET')).json.users as Record<string, { errorFraction: number }>)
        .testuser?.errorFraction,
      100,
    );

    const asTestuser = await get(`${stack.gui.url}/face/center/`, { headers: { 'x-faces-user': 'testuser' } });
    assert.match(asTestuser.body, /smiley: .*500/);
    const asOther = await get(`${stack.gui.url}/face/center/`);
    assert.deepEqual(JSON.parse(asOther.body).errors, []);

    assert.equal((await control(`${stack.gui.url}/faults/color`, 'GET')).status, 200);
    assert.equal((await control(`${stack.gui.url}/faults/face`, 'GET')).status, 200);
    assert.equal((await control(`${stack.gui.url}/faults/smiley`, 'GET', undefined, {})).status, 401);
    const bad = await control(`${stack.gui.url}/faults/color`, 'PUT', { errorFraction: 'lots' });
    assert.equal(bad.status, 400);
    assert.match(String(bad.json.error), /^errorFraction: ERROR_FRACTION="lots" is not valid/);
    assert.equal((await control(`${stack.gui.url}/faults/smiley`, 'DELETE')).status, 200);
    const mended = await get(`${stack.gui.url}/face/center/`, { headers: { 'x-faces-user': 'testuser' } });
    assert.deepEqual(JSON.parse(mended.body).errors, []);
  });
});
