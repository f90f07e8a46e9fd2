import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Env } from '@faces/kit';
import type { FastifyInstance } from 'fastify';
import { buildGuiApp } from './app.js';
import { readGuiConfig } from './config.js';
import { ISLAND_MARKER } from './page.js';

const FACE_BODY = '{"smiley":"&#x1F603;","color":"#228833","errors":[]}';
const SECRET = 'secret-outside-assets';

/** A stand-in for face: answers by path, records what it was sent. */
async function startStubFace(): Promise<{
  server: Server;
  port: number;
  seen: { url: string; headers: IncomingHttpHeaders }[];
}> {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url?.startsWith('/face/slow/')) return; // never answers
    if (req.url?.startsWith('/face/fail/')) {
      res.writeHead(500, { 'content-type': 'application/json', 'x-faces-pod': 'face-1-a' });
      res.end('{"errors":["Face error!"]}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'x-faces-pod': 'face-5f7d8c9b6d-x2x4z' });
    res.end(FACE_BODY);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port, seen };
}

async function makeAppRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'faces-gui-app-'));
  await mkdir(join(root, 'assets'));
  await writeFile(
    join(root, 'index.html'),
    `<!doctype html><head>${ISLAND_MARKER}</head><body><faces-app></faces-app></body>`,
  );
  await writeFile(join(root, 'assets', 'index-AbC123.js'), 'console.log(1);');
  await writeFile(join(root, 'assets', 'index-AbC123.css'), 'body{}');
  await writeFile(join(root, 'secret.txt'), SECRET);
  return root;
}

function island(html: string): Record<string, unknown> {
  const match = /<script id="faces-config" type="application\/json">(.*?)<\/script>/.exec(html);
  assert.ok(match?.[1] !== undefined, 'no config island');
  return JSON.parse(match[1]) as Record<string, unknown>;
}

describe('faces-gui', () => {
  let face: Awaited<ReturnType<typeof startStubFace>>;
  let appRoot: string;
  const apps: FastifyInstance[] = [];
  const build = (env: Env = {}) => {
    const app = buildGuiApp(
      readGuiConfig({ LOG_LEVEL: 'silent', FACE_SERVICE: `127.0.0.1:${face.port}`, FACE_TIMEOUT_MS: '300', ...env }),
      { appRoot, processMetrics: false },
    );
    apps.push(app);
    return app;
  };
  before(async () => {
    face = await startStubFace();
    appRoot = await makeAppRoot();
  });
  after(async () => {
    await Promise.all(apps.map((app) => app.close()));
    face.server.closeAllConnections();
    face.server.close();
    await rm(appRoot, { recursive: true, force: true });
  });

  describe('the page', () => {
    it('serves index.html with the config island, a strict CSP and no-cache', async () => {
      const response = await build().inject({ url: '/' });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.equal(response.headers['cache-control'], 'no-cache');
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.deepEqual(island(response.body), {
        user: 'unknown',
        color: '#FFFFFF',
        hideKey: false,
        showPods: false,
        numRows: 4,
        numCols: 4,
        edgeSize: 1,
        startActive: true,
        cellTimeoutMs: 1300,
        showRollouts: true,
      });
    });

    it('gives the page the user from X-Faces-User and their COLOR_<user> background', async () => {
      const app = build({ COLOR: 'lightcyan', COLOR_testuser: 'pink' });
      const testuser = await app.inject({ url: '/', headers: { 'x-faces-user': 'testuser' } });
      assert.deepEqual([island(testuser.body).user, island(testuser.body).color], ['testuser', 'pink']);
      assert.equal(testuser.headers.vary, 'x-faces-user');
      const other = await app.inject({ url: '/index.html', headers: { 'x-faces-user': 'testuser2' } });
      assert.deepEqual([island(other.body).user, island(other.body).color], ['testuser2', 'lightcyan']);
    });

    const payloads = ['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>', '"><svg onload=alert(1)>'];
    for (const payload of payloads) {
      it(`keeps X-Faces-User ${payload} as escaped data in the page`, async () => {
        const response = await build().inject({ url: '/', headers: { 'x-faces-user': payload } });
        assert.equal(island(response.body).user, payload);
        assert.ok(!response.body.includes(payload), 'the payload appears verbatim in the page');
        assert.equal(response.body.split('<script').length, 2, 'only the island is a script element');
      });
    }

    it('answers HEAD without a body', async () => {
      const response = await build().inject({ method: 'HEAD', url: '/' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.body, '');
    });

    it('refuses other methods with 405', async () => {
      const response = await build().inject({ method: 'POST', url: '/' });
      assert.equal(response.statusCode, 405);
    });

    it('answers 404 for the page when the app is not built', async () => {
      const app = buildGuiApp(readGuiConfig({ LOG_LEVEL: 'silent' }), {
        appRoot: join(appRoot, 'missing'),
        processMetrics: false,
      });
      apps.push(app);
      assert.equal((await app.inject({ url: '/' })).statusCode, 404);
    });
  });

  describe('config.json', () => {
    it('tells the app the background of the user it names, never cached', async () => {
      const response = await build({ COLOR_testuser: 'lightcyan' }).inject({
        url: '/config.json',
        headers: { 'x-faces-user': 'testuser' },
      });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.deepEqual([response.json().user, response.json().color], ['testuser', 'lightcyan']);
    });
  });

  describe('assets', () => {
    const types = [
      { url: '/assets/index-AbC123.js', type: /^application\/javascript/ },
      { url: '/assets/index-AbC123.css', type: /^text\/css/ },
    ];
    for (const { url, type } of types) {
      it(`serves ${url} with its type, cached for good`, async () => {
        const response = await build().inject({ url });
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), type);
        assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
      });
    }

    const missing = ['/nope', '/assets/missing.js', '/secret.txt', '/index.htm'];
    for (const url of missing) {
      it(`answers ${url} with a JSON 404`, async () => {
        const response = await build().inject({ url });
        assert.equal(response.statusCode, 404);
        assert.match(String(response.headers['content-type']), /^application\/json/);
      });
    }

    const traversals = [
      '/assets/',
      '/assets/../secret.txt',
      '/assets/%2e%2e/secret.txt',
      '/assets/..%2fsecret.txt',
      '/assets/%2e%2e%2fsecret.txt',
      '/assets/....//secret.txt',
      '/assets/%252e%252e/secret.txt',
      '/assets/..\\secret.txt',
    ];
    for (const url of traversals) {
      it(`serves no listing and no file outside assets for ${url}`, async () => {
        const response = await build().inject({ url });
        assert.ok(response.statusCode >= 400, `status ${response.statusCode}`);
        assert.ok(!response.body.includes(SECRET));
      });
    }
  });

  describe('the /face proxy', () => {
    it("returns face's status, body, type and pod, passing on the user and the user agent", async () => {
      const before = face.seen.length;
      const response = await build().inject({
        url: '/face/center/?row=1&col=2',
        headers: { 'x-faces-user': 'testuser', 'user-agent': 'faces-test/1' },
      });
      assert.equal(response.statusCode, 200);
      assert.equal(response.body, FACE_BODY);
      assert.match(String(response.headers['content-type']), /^application\/json/);
      assert.equal(response.headers['x-faces-pod'], 'face-5f7d8c9b6d-x2x4z');
      const sent = face.seen.slice(before);
      assert.equal(sent.length, 1);
      assert.equal(sent[0]?.url, '/face/center/?row=1&col=2');
      assert.equal(sent[0]?.headers['x-faces-user'], 'testuser');
      assert.equal(sent[0]?.headers['user-agent'], 'faces-test/1');
    });

    it("passes face's own errors on as they are", async () => {
      const response = await build().inject({ url: '/face/fail/' });
      assert.equal(response.statusCode, 500);
      assert.deepEqual(response.json(), { errors: ['Face error!'] });
      assert.equal(response.headers['x-faces-pod'], 'face-1-a');
    });

    it('answers 504 when face does not answer in time, naming no pod', async () => {
      const response = await build().inject({ url: '/face/slow/' });
      assert.equal(response.statusCode, 504);
      assert.match(response.json().errors[0], /did not answer within 300 ms/);
      assert.equal(response.headers['x-faces-pod'], undefined);
    });

    it('answers 502 when face cannot be reached, naming no pod', async () => {
      const closed = createServer();
      closed.listen(0, '127.0.0.1');
      await once(closed, 'listening');
      const { port } = closed.address() as AddressInfo;
      closed.close();
      await once(closed, 'close');
      const response = await build({ FACE_SERVICE: `127.0.0.1:${port}` }).inject({ url: '/face/edge/' });
      assert.equal(response.statusCode, 502);
      assert.match(response.json().errors[0], /cannot reach face/);
      assert.equal(response.headers['x-faces-pod'], undefined);
    });
  });

  describe('ERROR_FRACTION on the GUI', () => {
    it('fails the page with 500 and a screaming face', async () => {
      const response = await build({ ERROR_FRACTION: '100' }).inject({ url: '/' });
      assert.equal(response.statusCode, 500);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.match(response.body, /&#x1F631;/);
      assert.doesNotMatch(String(response.headers['content-security-policy']), /script-src/);
    });

    const clean = ['/healthz', '/readyz', '/metrics', '/config.json', '/assets/index-AbC123.js', '/face/center/'];
    for (const url of clean) {
      it(`leaves ${url} alone`, async () => {
        const app = build({ ERROR_FRACTION: '100' });
        await app.ready();
        assert.equal((await app.inject({ url })).statusCode, 200);
      });
    }

    it('near miss: /index.html is the page too, and fails', async () => {
      const response = await build({ ERROR_FRACTION: '100' }).inject({ url: '/index.html?x=1' });
      assert.equal(response.statusCode, 500);
    });
  });
});
