// Run-time updates: PUT on smiley and color, gRPC UpdateColor through `faces set --grpc`, and
// ALLOW_UPDATES=false. Updates are spared by faults and change centre and edge cells apart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPort } from '../helpers/backends.js';
import { createAgent, get } from '../helpers/http.js';
import { type RunningService, runFacesToExit, startFaces } from '../helpers/processes.js';

const agent = createAgent(4);
after(() => agent.close());

function put(url: string, body: string, contentType = 'application/json') {
  return get(url, {
    agent,
    method: 'PUT',
    headers: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
}

describe('smiley PUT', () => {
  let smiley: RunningService;
  before(async () => {
    // Every GET fails: the updates must still go through.
    smiley = await startFaces(['smiley'], { ERROR_FRACTION: '100', FACES_SEED: '1' });
  });
  after(() => smiley?.stop());

  const accepted = [
    { body: { which: 'all', smiley: 'Grinning' }, entity: '&#x1F603;' },
    { body: { which: 'center', smiley: 'HeartEyes', extra: 'ignored' }, entity: '&#x1F60D;' },
    { body: { which: 'edge', smiley: 'U+1F634' }, entity: '&#x1F634;' },
    { body: { which: 'edge', smiley: '&#x1f92e;' }, entity: '&#x1F92E;' },
    { body: { which: 'edge', smiley: '😍' }, entity: '&#x1F60D;' },
  ];
  for (const { body, entity } of accepted) {
    it(`accepts ${JSON.stringify(body)} and answers ${entity}`, async () => {
      const answer = await put(`${smiley.url}/`, JSON.stringify(body));
      assert.equal(answer.status, 200, answer.body);
      assert.deepEqual(JSON.parse(answer.body), {
        message: 'Smiley updated successfully',
        smiley: entity,
        which: body.which,
      });
    });
  }

  it('afterwards /center/ and /edge/ answer their own smileys', async () => {
    await put(`${smiley.url}/smiley/`, JSON.stringify({ which: 'center', smiley: 'Neutral' }));
    await put(`${smiley.url}/`, JSON.stringify({ which: 'edge', smiley: 'Vomiting' }));
    // smiley fails every GET (ERROR_FRACTION=100): a second one without faults shows the values.
    const plain = await startFaces(['smiley'], {});
    try {
      await put(`${plain.url}/`, JSON.stringify({ which: 'edge', smiley: 'Sleeping' }));
      assert.deepEqual(JSON.parse((await get(`${plain.url}/edge/`, { agent })).body), { smiley: '&#x1F634;' });
      assert.deepEqual(JSON.parse((await get(`${plain.url}/center/`, { agent })).body), { smiley: '&#x1F603;' });
      assert.deepEqual(JSON.parse((await get(`${plain.url}/`, { agent })).body), { smiley: '&#x1F603;' });
    } finally {
      await plain.stop();
    }
  });

  it('logs each update at info with the old and the new value', () => {
    const updates = smiley.lines.map((line) => JSON.parse(line)).filter((line) => /^smiley updated/.test(line.msg));
    assert.ok(updates.length >= 5);
    const last = updates.at(-1);
    assert.equal(last.level, 30);
    assert.deepEqual(last.old, { center: '&#x1F610;', edge: '&#x1F60D;' });
    assert.equal(last.smiley, '&#x1F92E;');
  });

  const refused = [
    { name: 'bad JSON', body: '{"which": "all",', error: /^invalid JSON: / },
    { name: 'an empty body', body: '', error: /^invalid JSON: the body is empty$/ },
    { name: 'a JSON array', body: '["all"]', error: /^invalid JSON: expected an object/ },
    { name: 'a missing which', body: '{"smiley":"Neutral"}', error: /^"which" is missing/ },
    {
      name: 'an unknown which',
      body: '{"which":"middle","smiley":"Neutral"}',
      error: /^"which" must be one of center, edge, all, was "middle"$/,
    },
    { name: 'a which in capitals', body: '{"which":"All","smiley":"Neutral"}', error: /was "All"/ },
    { name: 'an empty smiley', body: '{"which":"all","smiley":""}', error: /^"smiley" is missing or empty$/ },
    { name: 'an unknown name', body: '{"which":"all","smiley":"Bogus"}', error: /^unknown smiley "Bogus": use a name/ },
    {
      name: 'a name in the wrong case',
      body: '{"which":"all","smiley":"hearteyes"}',
      error: /^unknown smiley "hearteyes"/,
    },
    { name: 'a surrogate code point', body: '{"which":"all","smiley":"U+D800"}', error: /is not a Unicode code point/ },
    { name: 'a number', body: '{"which":"all","smiley":42}', error: /^"smiley" must be a string/ },
  ];
  for (const { name, body, error } of refused) {
    it(`refuses ${name} with 400 and a one-line error`, async () => {
      const answer = await put(`${smiley.url}/`, body);
      assert.equal(answer.status, 400, answer.body);
      const message = (JSON.parse(answer.body) as { error: string }).error;
      assert.match(message, error);
      assert.doesNotMatch(message, /\n/);
    });
  }

  it('takes a form-encoded body (curl -d) as the JSON it is', async () => {
    const answer = await put(
      `${smiley.url}/`,
      '{"which":"all","smiley":"Kaboom"}',
      'application/x-www-form-urlencoded',
    );
    assert.equal(answer.status, 200, answer.body);
  });
});

describe('color PUT', () => {
  it('sets centre and edge apart, resolved as COLOR is; refuses an unknown color with 400', async (t) => {
    const color = await startFaces(['color'], { DELAY_BUCKETS: '5000', FACES_SEED: '1' });
    t.after(() => color.stop('SIGKILL'));
    // DELAY_BUCKETS=5000 would hold any faulted request for 5 s: the PUT must not wait.
    const started = performance.now();
    const answer = await put(`${color.url}/color/`, JSON.stringify({ which: 'edge', color: 'darkblue' }));
    assert.ok(performance.now() - started < 4000, 'the PUT was not delayed');
    assert.deepEqual(JSON.parse(answer.body), {
      message: 'Color updated successfully',
      color: '#4477AA',
      which: 'edge',
    });
    for (const [color2, resolved] of [
      ['lightcyan', 'lightcyan'],
      ['#ABC', '#ABC'],
    ]) {
      const again = await put(`${color.url}/`, JSON.stringify({ which: 'center', color: color2 }));
      assert.equal(JSON.parse(again.body).color, resolved);
    }
    const bad = await put(`${color.url}/`, JSON.stringify({ which: 'all', color: 'notacolor' }));
    assert.equal(bad.status, 400);
    assert.match(JSON.parse(bad.body).error, /^unknown color "notacolor": use a palette name/);
  });
});

describe('ALLOW_UPDATES=false', () => {
  for (const service of ['smiley', 'color']) {
    it(`${service}: PUT answers 405 and changes nothing`, async (t) => {
      const running = await startFaces([service], { ALLOW_UPDATES: 'false' });
      t.after(() => running.stop());
      const answer = await put(
        `${running.url}/`,
        JSON.stringify({ which: 'all', [service]: service === 'smiley' ? 'Neutral' : 'red' }),
      );
      assert.equal(answer.status, 405);
      assert.equal(answer.headers.allow, 'GET, HEAD');
    });
  }

  it('color: faces set --grpc gets PERMISSION_DENIED and exits 1 with the message', async (t) => {
    const color = await startFaces(['color'], { ALLOW_UPDATES: 'false' });
    t.after(() => color.stop());
    const set = await runFacesToExit(['set', 'color', 'red', '--grpc', '--target', `grpc://127.0.0.1:${color.port}`]);
    assert.equal(set.code, 1);
    assert.match(
      set.stderr,
      /^faces set: http:\/\/127\.0\.0\.1:\d+ answered gRPC PERMISSION_DENIED: updates are turned off \(ALLOW_UPDATES=false\)\n$/,
    );
  });
});

describe('faces set', () => {
  let smiley: RunningService;
  let color: RunningService;
  before(async () => {
    [smiley, color] = await Promise.all([startFaces(['smiley'], {}), startFaces(['color'], {})]);
  });
  after(() => Promise.all([smiley?.stop(), color?.stop()]));

  it('smiley over HTTP: prints the answer, exits 0, and the edge changes', async () => {
    const set = await runFacesToExit(['set', 'smiley', 'HeartEyes', '--which', 'edge', '--target', smiley.url]);
    assert.equal(set.code, 0, set.stderr);
    assert.deepEqual(JSON.parse(set.stdout), {
      message: 'Smiley updated successfully',
      smiley: '&#x1F60D;',
      which: 'edge',
    });
    assert.deepEqual(JSON.parse((await get(`${smiley.url}/edge/`, { agent })).body), { smiley: '&#x1F60D;' });
  });

  it('color over gRPC: prints {which, color}, exits 0, and GETs answer it', async () => {
    const set = await runFacesToExit(['set', 'color', 'purple', '--grpc', '--target', `127.0.0.1:${color.port}`]);
    assert.equal(set.code, 0, set.stderr);
    assert.deepEqual(JSON.parse(set.stdout), { which: 'all', color: '#AA3377' });
    assert.deepEqual(JSON.parse((await get(`${color.url}/center/`, { agent })).body), { color: '#AA3377' });
  });

  it('color over HTTP: a 4xx exits 1 with the server message', async () => {
    const set = await runFacesToExit(['set', 'color', 'mauve-ish', '--target', color.url]);
    assert.equal(set.code, 1);
    assert.equal(set.stdout, '');
    assert.match(set.stderr, /^faces set: http:\/\/127\.0\.0\.1:\d+ answered 400: unknown color "mauve-ish"/);
  });

  const usage = [
    { args: ['set'], error: /the first argument must be smiley or color/ },
    { args: ['set', 'face', 'x'], error: /the first argument must be smiley or color, was "face"/ },
    { args: ['set', 'smiley'], error: /no smiley given/ },
    { args: ['set', 'smiley', 'Neutral', '--which', 'middle'], error: /--which must be one of center, edge, all/ },
    { args: ['set', 'smiley', 'Neutral', '--grpc'], error: /--grpc is for color only/ },
    { args: ['set', 'color', 'red', '--target', 'https://example.test'], error: /--target must be http:\/\// },
    { args: ['set', 'color', 'red', '--colour'], error: /Unknown option '--colour'/ },
  ];
  for (const { args, error } of usage) {
    it(`refuses faces ${args.join(' ')} with exit 2 and the usage`, async () => {
      const set = await runFacesToExit(args);
      assert.equal(set.code, 2);
      assert.match(set.stderr, error);
      assert.match(set.stderr, /usage: faces set smiley\|color/);
    });
  }

  it('cannot reach the target: exits 1 naming it', async () => {
    const port = await closedPort();
    const set = await runFacesToExit(['set', 'smiley', 'Neutral', '--target', `http://127.0.0.1:${port}`]);
    assert.equal(set.code, 1);
    assert.match(set.stderr, new RegExp(`^faces set: cannot reach http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
  });
});
