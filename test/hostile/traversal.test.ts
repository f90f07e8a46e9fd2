import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'undici';
import { closedPort } from '../helpers/backends.js';
import { FACES_BIN, type RunningService, startFaces } from '../helpers/processes.js';

/** Files outside the GUI's app folder (the bundle's app/), each with a line only it contains. */
const BUNDLE = readFileSync(FACES_BIN, 'utf8');
const SECRETS = [
  { file: '/etc/passwd', marker: readFileSync('/etc/passwd', 'utf8').split('\n')[0] ?? 'root:' },
  {
    file: 'package.json',
    marker: JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).description as string,
  },
  { file: 'faces.js', marker: BUNDLE.slice(0, 200) },
];
const ASSET = readdirSync(join(dirname(FACES_BIN), 'app', 'assets')).find((name) => name.endsWith('.js')) ?? 'none.js';

/** From app/assets/, six folders up is the repository; two up is the bundle. */
const UP6 = '../'.repeat(6);

interface Case {
  readonly path: string;
  /** Allowed statuses. */
  readonly expected: readonly number[];
}

const REFUSED = [400, 403, 404];

const GUI_CASES: readonly Case[] = [
  { path: '/../package.json', expected: REFUSED },
  { path: '/%2e%2e/%2e%2e/etc/passwd', expected: REFUSED },
  { path: `/assets/${UP6}package.json`, expected: REFUSED },
  { path: '/assets/../../faces.js', expected: REFUSED },
  { path: '/assets/..%2f..%2f..%2fpackage.json', expected: REFUSED },
  { path: '/assets/..%2f..%2ffaces.js', expected: REFUSED },
  { path: '/assets/%2e%2e/%2e%2e/faces.js', expected: REFUSED },
  { path: '/assets/..%252f..%252ffaces.js', expected: REFUSED },
  { path: '/assets/%252e%252e/%252e%252e/faces.js', expected: REFUSED },
  { path: '/assets/..\\..\\faces.js', expected: REFUSED },
  { path: '/assets/..%5c..%5cfaces.js', expected: REFUSED },
  { path: '/assets/%c0%ae%c0%ae/%c0%ae%c0%ae/faces.js', expected: REFUSED },
  { path: '/assets/....//....//faces.js', expected: REFUSED },
  { path: '/assets/%00/../../faces.js', expected: REFUSED },
  { path: `/assets/${ASSET}%00.map`, expected: REFUSED },
  { path: '/assets/%2fetc%2fpasswd', expected: REFUSED },
  { path: '/assets//etc/passwd', expected: REFUSED },
  { path: `/assets/${'..%2f'.repeat(12)}etc%2fpasswd`, expected: REFUSED },
  { path: '/index.html/..%2f..%2ffaces.js', expected: REFUSED },
  // Forwarded to face, which answers a face for any path: JSON, never a file.
  { path: '/face/../../etc/passwd', expected: [200] },
  { path: '/face/..%2f..%2f..%2fpackage.json', expected: [200] },
  // Near-misses: the app's own files are served.
  { path: `/assets/${ASSET}`, expected: [200] },
  { path: `/assets/${ASSET.replace('.js', '%2ejs')}`, expected: [200] },
];

const FACE_CASES: readonly Case[] = [
  { path: '/../../etc/passwd', expected: [200] },
  { path: '/%2e%2e/%2e%2e/etc/passwd', expected: [200] },
  { path: '/face/..%2f..%2f..%2fpackage.json', expected: [200] },
  { path: '/center/..%5c..%5cfaces.js', expected: [200] },
  { path: '/edge/%00/../etc/passwd', expected: [200] },
];

/** GET `path` exactly as written: a Client sends it as is, where a URL would resolve the dot segments. */
async function fetchPath(base: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const client = new Client(base, { headersTimeout: 10_000, bodyTimeout: 10_000 });
  const response = await client.request({ method: 'GET', path }).finally(() => client.close());
  return {
    status: response.statusCode,
    type: String(response.headers['content-type'] ?? ''),
    body: await response.body.text(),
  };
}

function assertNoSecret(what: string, body: string): void {
  for (const { file, marker } of SECRETS) assert.ok(!body.includes(marker), `${what} served ${file}`);
}

describe('path traversal', () => {
  let face: RunningService;
  let gui: RunningService;
  before(async () => {
    const backend = `127.0.0.1:${await closedPort()}`;
    face = await startFaces(['face'], { SMILEY_SERVICE: backend, COLOR_SERVICE: backend });
    gui = await startFaces(['gui'], { FACE_SERVICE: `127.0.0.1:${face.port}` });
  });
  after(() => Promise.all([gui?.stop(), face?.stop()]));

  it('the GUI serves no file outside its app folder', async () => {
    for (const { path, expected } of GUI_CASES) {
      const { status, type, body } = await fetchPath(gui.url, path);
      const what = `GUI ${path}: ${status} ${type}`;
      assert.ok(expected.includes(status), `${what}\n${body.slice(0, 300)}`);
      assertNoSecret(what, body);
      if (status !== 200 || path.startsWith('/face/')) assert.match(type, /^application\/json/, what);
    }
  });

  it("face's routes answer a face for any path, never a file", async () => {
    for (const { path, expected } of FACE_CASES) {
      const { status, type, body } = await fetchPath(face.url, path);
      const what = `face ${path}: ${status} ${type}`;
      assert.ok(expected.includes(status), `${what}\n${body.slice(0, 300)}`);
      assertNoSecret(what, body);
      assert.match(type, /^application\/json/, what);
      assert.equal(typeof (JSON.parse(body) as { smiley?: unknown }).smiley, 'string', what);
    }
  });
});
