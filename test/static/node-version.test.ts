// One Node.js major everywhere: what the tests run on is what the image ships.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readRepoFile } from '../helpers/repo.js';

const pinned = readRepoFile('.nvmrc').trim();

test('.nvmrc pins one Node.js LTS major', () => {
  assert.match(pinned, /^[0-9]+$/);
  assert.equal(Number(pinned) % 2, 0, 'even majors are the LTS lines');
});

test('these tests run on the pinned major (the Makefile fetches it when the system has another)', () => {
  assert.equal(process.versions.node.split('.')[0], pinned, `running on Node.js ${process.versions.node}`);
});

test("the image's Node.js is the pinned major", () => {
  const arg = /^ARG NODE_VERSION=([0-9]+)$/m.exec(readRepoFile('Dockerfile'))?.[1];
  assert.equal(arg, pinned);
});

test("package.json's engines allow the pinned major only", () => {
  const { engines } = JSON.parse(readRepoFile('package.json')) as { engines: { node: string } };
  assert.equal(engines.node, `^${pinned}`);
});

test('the bundle targets the pinned major', () => {
  assert.match(readRepoFile('scripts/bundle-options.mjs'), new RegExp(`target: 'node${pinned}'`));
});

test('the GitHub workflows set up Node.js from .nvmrc', () => {
  for (const workflow of ['.github/workflows/ci.yml', '.github/workflows/release.yml']) {
    const text = readRepoFile(workflow);
    const setups = text.match(/uses: actions\/setup-node@/g)?.length ?? 0;
    const fromFile = text.match(/node-version-file: \.nvmrc/g)?.length ?? 0;
    assert.ok(setups > 0, `${workflow} sets up Node.js`);
    assert.equal(fromFile, setups, `${workflow}: every setup-node reads .nvmrc`);
    assert.doesNotMatch(text, /node-version: /, `${workflow} names no other version`);
  }
});
