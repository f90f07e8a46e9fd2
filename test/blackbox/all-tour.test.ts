import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type RunningAll, startFacesAll } from '../helpers/faces-all.js';
import { get } from '../helpers/http.js';
import { FACES_BIN } from '../helpers/processes.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BASE_ENV = { PATH: process.env.PATH, PORT: '0', FACES_SEED: '7' };

async function faceAt(all: RunningAll): Promise<{ smiley: string; color: string }> {
  const answer = await get(`${all.url}face/center/`);
  assert.equal(answer.status, 200, answer.body);
  return JSON.parse(answer.body) as { smiley: string; color: string };
}

async function pageColor(all: RunningAll): Promise<string> {
  return (JSON.parse((await get(`${all.url}config.json`)).body) as { color: string }).color;
}

/** Runs one printed tour line as a person would paste it, from faces all's folder. */
async function paste(line: string): Promise<string> {
  const { stdout } = await run('sh', ['-c', line], { cwd: REPO, env: { PATH: process.env.PATH }, timeout: 20_000 });
  return stdout;
}

describe('faces all: its printout, the tour, COLOR and PAGE_COLOR', () => {
  it("prints every service's URL and tour commands that work as printed; COLOR is color's, PAGE_COLOR the GUI's", async (t) => {
    const all = await startFacesAll(
      t,
      process.execPath,
      [FACES_BIN, 'all'],
      {
        ...BASE_ENV,
        COLOR: 'blue',
        PAGE_COLOR: 'lightcyan',
      },
      { cwd: REPO },
    );
    assert.deepEqual(Object.keys(all.services).sort(), ['color', 'face', 'gui', 'smiley']);
    for (const [name, url] of Object.entries(all.services)) {
      assert.equal((await get(url)).status, 200, `${name} at ${url}`);
    }
    assert.deepEqual(await faceAt(all), { smiley: '&#x1F603;', color: '#66CCEE', errors: [] });
    assert.equal(await pageColor(all), 'lightcyan');

    const setSmiley = all.tour.find((line) => line.includes(' set smiley '));
    assert.ok(setSmiley, all.output().stdout);
    await paste(setSmiley);
    assert.equal((await faceAt(all)).smiley, '&#x1F60D;');
    const faults = all.tour.find((line) => line.includes(' faults ') && line.includes('--error-fraction'));
    assert.ok(faults, all.output().stdout);
    assert.match(await paste(faults), /20/);
    const reset = all.tour.find((line) => line.includes(' faults ') && line.includes('--reset'));
    assert.ok(reset, all.output().stdout);
    await paste(reset);
    assert.equal(await all.stop(), 0, all.output().stderr);
  });

  it('runs under npm (which sets COLOR=0 or 1) with the COLOR the person gave npm', async (t) => {
    const all = await startFacesAll(
      t,
      'npm',
      ['exec', '--', 'faces', 'all'],
      {
        ...BASE_ENV,
        HOME: process.env.HOME,
        npm_config_update_notifier: 'false',
        COLOR: 'blue',
      },
      { cwd: REPO },
    );
    assert.equal((await faceAt(all)).color, '#66CCEE');
    assert.equal(await pageColor(all), '#FFFFFF');
    assert.match(all.tour.join('\n'), /^npx faces set smiley/m);
    await all.stop();
  });

  it('answers --help without starting anything, and --version', async () => {
    const help = await run(process.execPath, [FACES_BIN, 'all', '--help'], { env: BASE_ENV, timeout: 10_000 });
    assert.match(help.stdout, /^usage: faces all/);
    assert.doesNotMatch(help.stdout, /Faces is running/);
    const version = await run(process.execPath, [FACES_BIN, 'smiley', '--version'], { env: BASE_ENV });
    assert.match(version.stdout, /^faces \d+\.\d+\.\d+\n$/);
  });

  it("exits 2 with one line naming the variable when a service's setting is bad", async () => {
    const child = spawn(process.execPath, [FACES_BIN, 'all'], {
      env: { ...BASE_ENV, COLOR: 'notacolor' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    assert.equal(code, 2, stderr);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0] ?? '', /^faces all: faces color: COLOR="notacolor" is not valid/);
  });
});
