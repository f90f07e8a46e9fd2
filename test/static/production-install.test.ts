// What the Dockerfile does, without Docker: its runtime steps (stage only the bundle, the `faces`
// link) run here against a temporary folder, outside the repository so that no node_modules can
// be found above it, standing in for /app; services started from that folder answer. A build that
// would break the image breaks this test.
import { strict as assert } from 'node:assert';
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { type Instruction, stages } from '../helpers/dockerfile.js';
import { get } from '../helpers/http.js';
import { startFacesFrom } from '../helpers/processes.js';
import { REPO_ROOT, readRepoFile } from '../helpers/repo.js';

const root = mkdtempSync(join(tmpdir(), 'faces-image-'));
const app = join(root, 'app');
const bin = join(root, 'bin');
/** The `faces` the image links into /usr/local/bin: the bundle, as staged. */
const facesBin = join(app, 'services/cli/dist/bundle/faces.js');
const inImage = (text: string) => text.replaceAll('/usr/local/bin', bin).replaceAll('/app', app);

/** The Dockerfile's steps from staging on: the rest of the build stage, then the last stage's RUNs. */
function runtimeSteps(): Instruction[] {
  const all = stages(readRepoFile('Dockerfile'));
  const build = all.slice(0, -1).flat();
  const start = build.findIndex((i) => i.keyword === 'RUN' && i.args.startsWith('node scripts/stage-runtime.mjs'));
  assert.ok(start >= 0, 'the Dockerfile stages the runtime with scripts/stage-runtime.mjs');
  const final = (all.at(-1) ?? []).filter((i) => i.keyword === 'RUN');
  return [...build.slice(start), ...final].filter((i) => i.keyword === 'RUN' || i.keyword === 'WORKDIR');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(app, path)];
  });
}

before(() => {
  mkdirSync(bin, { recursive: true });
  let cwd = REPO_ROOT; // the build stage's /src: the context, installed and built (make test builds first)
  for (const step of runtimeSteps()) {
    if (step.keyword === 'WORKDIR') {
      cwd = inImage(step.args);
      continue;
    }
    execSync(inImage(step.args), {
      cwd,
      stdio: 'pipe',
      timeout: 300_000,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
  }
});

after(() => rmSync(root, { recursive: true, force: true }));

test('the image holds compiled JavaScript only: no sources, tests, maps or type declarations', () => {
  const files = filesUnder(app);
  assert.ok(files.includes('services/cli/dist/bundle/faces.js'));
  const unwanted = files.filter((f) => /(\.ts|\.test\.js|\.map|\.tsbuildinfo)$/.test(f) || /(^|\/)src\//.test(f));
  assert.deepEqual(unwanted, []);
});

/** The most /app may hold: the bundle and its GUI app, and nothing installed beside them. */
const MAX_APP_BYTES = 4 * 1024 * 1024;

test('the image has no node_modules, no workspaces and no test code: the bundle alone', () => {
  assert.ok(!existsSync(join(app, 'node_modules')), 'no node_modules');
  assert.deepEqual(readdirSync(app).sort(), ['package.json', 'services']);
  assert.ok(!existsSync(join(app, 'test')));
});

test(`/app holds at most ${MAX_APP_BYTES / 1024 / 1024} MiB`, (t) => {
  const bytes = filesUnder(app).reduce((sum, file) => sum + statSync(join(app, file)).size, 0);
  t.diagnostic(`/app holds ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
  assert.ok(bytes <= MAX_APP_BYTES, `/app holds ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
});

test('`faces smiley` from the production install answers GET / with 200 and a smiley', async (t) => {
  const service = await startFacesFrom(facesBin, ['smiley'], { FACES_SEED: '1' });
  t.after(() => service.stop());
  const answer = await get(`${service.url}/`);
  assert.equal(answer.status, 200);
  assert.match((JSON.parse(answer.body) as { smiley: string }).smiley, /^&#x[0-9A-F]+;$/);
});

test('`faces` with FACES_SERVICE=color and no argument (how Kubernetes runs it) serves color', async (t) => {
  const service = await startFacesFrom(facesBin, [], { FACES_SERVICE: 'color' });
  t.after(() => service.stop());
  const answer = await get(`${service.url}/`);
  assert.equal(answer.status, 200);
  assert.ok('color' in (JSON.parse(answer.body) as object));
});

test('face and the GUI from the production install compose faces (undici and the schema compilers are in the bundle)', async (t) => {
  const [smiley, color] = await Promise.all([
    startFacesFrom(facesBin, ['smiley'], { FACES_SEED: '1' }),
    startFacesFrom(facesBin, ['color'], { FACES_SEED: '1' }),
  ]);
  t.after(() => Promise.all([smiley.stop(), color.stop()]));
  const face = await startFacesFrom(facesBin, ['face'], { SMILEY_SERVICE: smiley.url, COLOR_SERVICE: color.url });
  t.after(() => face.stop());
  const gui = await startFacesFrom(facesBin, ['gui'], { FACE_SERVICE: face.url });
  t.after(() => gui.stop());
  const page = await get(`${gui.url}/`);
  assert.equal(page.status, 200);
  assert.match(page.body, /<faces-app>/);
  const answer = await get(`${gui.url}/face/center/`);
  assert.equal(answer.status, 200, answer.body);
  assert.deepEqual(JSON.parse(answer.body), { smiley: '&#x1F603;', color: '#228833', errors: [] });
});

test('the HEALTHCHECK command `faces` (the linked, executable bin) exits 0 against a live service, 1 against none', async (t) => {
  const service = await startFacesFrom(facesBin, ['smiley']);
  t.after(() => service.stop());
  const env = { PATH: `${bin}:${process.env.PATH}` };
  const healthy = spawnSync('faces', ['healthcheck'], {
    env: { ...env, PORT: String(service.port) },
    encoding: 'utf8',
  });
  assert.equal(healthy.status, 0, healthy.stderr);
  await service.stop();
  const dead = spawnSync('faces', ['healthcheck'], { env: { ...env, PORT: String(service.port) }, encoding: 'utf8' });
  assert.equal(dead.status, 1);
});
