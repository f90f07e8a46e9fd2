#!/usr/bin/env node
// The release's check of an executable on the system it was built for (Linux, macOS, Windows):
// `--version` answers, `faces all` serves the grid page and a composed face through the GUI.
// Exit 0, or 1 with one line saying what failed.
// Usage: node scripts/smoke-executable.mjs <executable>
import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const executable = resolve(process.argv[2] ?? '');
const fail = (message) => {
  console.error(`smoke-executable: ${executable}: ${message}`);
  process.exit(1);
};

const version = execFileSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
if (!/^faces \d+\.\d+\.\d+/.test(version)) fail(`--version said ${JSON.stringify(version)}`);

const child = spawn(executable, ['all'], {
  env: { ...process.env, PORT: '0', FACES_SEED: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const timer = setTimeout(() => {
  child.kill();
  fail('faces all printed no URL within 60 s');
}, 60_000);
let output = '';
child.on('exit', (code) => fail(`faces all exited with ${code}\n${output}`));
child.stdout.on('data', async (chunk) => {
  output += chunk;
  const url = /open (http:\/\/localhost:\d+\/)/.exec(output)?.[1]?.replace('localhost', '127.0.0.1');
  if (url === undefined || timer.hasRef() === false) return;
  clearTimeout(timer);
  timer.unref();
  const page = await fetch(url).then(async (r) => ({ status: r.status, body: await r.text() }));
  if (page.status !== 200 || !page.body.includes('<faces-app>')) fail(`GET / gave ${page.status}`);
  const face = await fetch(`${url}face/center/`).then(async (r) => ({ status: r.status, body: await r.text() }));
  if (face.status !== 200 || !JSON.parse(face.body).smiley) fail(`GET /face/center/ gave ${face.status} ${face.body}`);
  console.log(`smoke-executable: ${version.trim()} serves the grid and faces at ${url}`);
  child.removeAllListeners('exit');
  child.kill();
});
