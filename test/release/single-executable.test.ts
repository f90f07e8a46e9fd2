// The single executable (scripts/build-sea.mjs), built once here and copied alone into an empty
// folder outside the repository: it runs every kind of `faces` command with no Node, no
// node_modules and no app folder beside it.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startFacesAll } from '../helpers/faces-all.js';
import { get } from '../helpers/http.js';
import { startProgram } from '../helpers/processes.js';
import { repoPath } from '../helpers/repo.js';

const run = promisify(execFile);
let built: string;
let folder: string;
let faces: string;
/** Where the executable writes the GUI's app: a fresh temp directory, so every run extracts it. */
let temp: string;

before(() => {
  built = mkdtempSync(join(tmpdir(), 'faces-sea-build-'));
  execFileSync(process.execPath, [repoPath('scripts/build-sea.mjs'), join(built, 'faces')], { stdio: 'pipe' });
  folder = mkdtempSync(join(tmpdir(), 'faces-sea-'));
  temp = mkdtempSync(join(tmpdir(), 'faces-sea-tmp-'));
  faces = join(folder, 'faces');
  copyFileSync(join(built, 'faces'), faces);
  execFileSync('chmod', ['+x', faces]);
  assert.deepEqual(readdirSync(folder), ['faces']);
});

after(() => {
  for (const path of [built, folder, temp]) rmSync(path, { recursive: true, force: true });
});

/** No Node on PATH: only the system's tools (and the empty folder). */
const env = () => ({ PATH: '/usr/bin:/bin', TMPDIR: temp, HOME: folder, FACES_SEED: '7' });

/** The PIDs of a process's children (Linux: from /proc). */
function childrenOf(pid: number | undefined): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
}

describe('the single executable, alone in an empty folder', () => {
  it('./faces all serves the grid page, its assets and composed faces, every service being the executable itself', async (t) => {
    const all = await startFacesAll(t, './faces', ['all'], { ...env(), PORT: '0' }, { cwd: folder });
    const page = await get(all.url);
    assert.equal(page.status, 200);
    assert.match(page.body, /<faces-app>/);
    const asset = /assets\/[\w.-]+\.js/.exec(page.body)?.[0];
    assert.ok(asset, page.body);
    const script = await get(`${all.url}${asset}`);
    assert.equal(script.status, 200);
    assert.match(String(script.headers['content-type']), /javascript/);
    const face = await get(`${all.url}face/center/`);
    assert.equal(face.status, 200, face.body);
    assert.deepEqual(JSON.parse(face.body), { smiley: '&#x1F603;', color: '#228833', errors: [] });
    assert.match(all.tour.join('\n'), /^\.\/faces set smiley HeartEyes --target http:\/\/127\.0\.0\.1:\d+$/m);
    const services = childrenOf(all.child.pid);
    assert.equal(services.length, 4);
    for (const pid of services) assert.equal(readlinkSync(`/proc/${pid}/exe`), faces);
    assert.equal(await all.stop(), 0, all.output().stderr);
  });

  for (const { service, settings, path, answer } of [
    { service: 'smiley', settings: { SMILEY: 'HeartEyes' }, path: '/center/', answer: { smiley: '&#x1F60D;' } },
    { service: 'color', settings: { COLOR: 'blue' }, path: '/center/', answer: { color: '#66CCEE' } },
  ]) {
    it(`./faces ${service} serves as the service does`, async (t) => {
      const running = await startProgram(faces, [], [service], { ...env(), ...settings }, 30_000);
      t.after(() => running.stop());
      const got = await get(`${running.url}${path}`);
      assert.equal(got.status, 200);
      assert.deepEqual(JSON.parse(got.body), answer);
    });
  }

  it('answers --version and a command --help, and exits 2 on a bad setting', async () => {
    assert.match((await run(faces, ['--version'], { env: env() })).stdout, /^faces \d+\.\d+\.\d+\n$/);
    assert.match((await run(faces, ['load', '--help'], { env: env() })).stdout, /usage/i);
    await assert.rejects(
      run(faces, ['color'], { env: { ...env(), COLOR: 'notacolor' } }),
      (error: { code?: number }) => {
        assert.equal(error.code, 2);
        return true;
      },
    );
  });
});
