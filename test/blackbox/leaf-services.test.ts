import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { get } from '../helpers/http.js';
import { startFaces } from '../helpers/processes.js';

describe('faces smiley and faces color, as processes', () => {
  it('GET / on smiley returns the default smiley as JSON with the faces headers', async (t) => {
    const smiley = await startFaces(['smiley'], { HOSTNAME: 'smiley-pod-1' });
    t.after(() => smiley.stop());
    const answer = await get(`${smiley.url}/`, { headers: { 'x-faces-user': 'testuser' } });
    assert.equal(answer.status, 200);
    assert.match(String(answer.headers['content-type']), /^application\/json/);
    assert.deepEqual(JSON.parse(answer.body), { smiley: '&#x1F603;' });
    assert.equal(answer.headers['x-faces-pod'], 'smiley-pod-1');
    assert.equal(answer.headers['x-faces-user'], 'testuser');
  });

  it('serves SMILEY=HeartEyes on /center/ and /edge/, and an unknown name as RollingEyes with a warning', async (t) => {
    const [hearts, bogus] = await Promise.all([
      startFaces(['smiley'], { SMILEY: 'HeartEyes' }),
      startFaces(['smiley'], { SMILEY: 'Bogus' }),
    ]);
    t.after(() => Promise.all([hearts.stop(), bogus.stop()]));
    for (const path of ['/center/', '/edge/?row=0&col=0', '/smiley/center/']) {
      assert.deepEqual(JSON.parse((await get(`${hearts.url}${path}`)).body), { smiley: '&#x1F60D;' }, path);
    }
    assert.deepEqual(JSON.parse((await get(`${bogus.url}/`)).body), { smiley: '&#x1F644;' });
    const warning = bogus.lines.map((line) => JSON.parse(line)).find((line) => line.level === 40);
    assert.equal(warning?.SMILEY, 'Bogus');
  });

  it('GET / on color returns green by default, palette names as hex and CSS names as given', async (t) => {
    const [plain, blue, cyan] = await Promise.all([
      startFaces(['color']),
      startFaces(['color'], { COLOR: 'blue' }),
      startFaces(['color'], { COLOR: 'lightcyan' }),
    ]);
    t.after(() => Promise.all([plain.stop(), blue.stop(), cyan.stop()]));
    assert.deepEqual(JSON.parse((await get(`${plain.url}/center/`)).body), { color: '#228833' });
    assert.deepEqual(JSON.parse((await get(`${blue.url}/edge/`)).body), { color: '#66CCEE' });
    assert.deepEqual(JSON.parse((await get(`${cyan.url}/`)).body), { color: 'lightcyan' });
  });

  it('runs the service named by FACES_SERVICE when given no command', async (t) => {
    const color = await startFaces([], { FACES_SERVICE: 'color' });
    t.after(() => color.stop());
    assert.deepEqual(JSON.parse((await get(`${color.url}/`)).body), { color: '#228833' });
  });

  it('answers HEAD without a body, other methods with 405, health and readiness with OK', async (t) => {
    const smiley = await startFaces(['smiley']);
    t.after(() => smiley.stop());
    const head = await get(`${smiley.url}/`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    const post = await get(`${smiley.url}/`, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
    for (const path of ['/healthz', '/readyz', '/ready']) {
      const answer = await get(`${smiley.url}${path}`);
      assert.equal(answer.status, 200, path);
      assert.deepEqual(JSON.parse(answer.body), { status: 'OK' });
    }
  });
});
