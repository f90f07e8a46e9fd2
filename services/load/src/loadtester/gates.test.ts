import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { GateStore, readGatesFile } from './gates.js';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'faces-gates-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a gate is closed until opened, and closes again', async () => {
  const gates = new GateStore(undefined);
  assert.equal(gates.isOpen('face.faces'), false);
  await gates.set('face.faces', true);
  assert.equal(gates.isOpen('face.faces'), true);
  assert.equal(gates.isOpen('rollback.face.faces'), false);
  await gates.set('face.faces', false);
  assert.equal(gates.isOpen('face.faces'), false);
});

test('a store reopened from its file has the same gates', async (t) => {
  const file = join(tempDir(t), 'gates.json');
  const first = new GateStore(file, readGatesFile(file));
  await Promise.all([
    first.set('face.faces', true),
    first.set('rollback.smiley.faces', true),
    first.set('color.faces', false),
  ]);
  const second = new GateStore(file, readGatesFile(file));
  assert.equal(second.isOpen('face.faces'), true);
  assert.equal(second.isOpen('rollback.smiley.faces'), true);
  assert.equal(second.isOpen('color.faces'), false);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {
    gates: { 'face.faces': true, 'rollback.smiley.faces': true, 'color.faces': false },
  });
});

test('a missing file means no gates yet; an unreadable one refuses to start', (t) => {
  const dir = tempDir(t);
  assert.equal(readGatesFile(join(dir, 'absent.json')).size, 0);
  const cases = ['not json', '{"gates": {"face.faces": "yes"}}', '{"other": {}}', 'null'];
  for (const text of cases) {
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    assert.throws(() => readGatesFile(file), /not \{"gates"/, text);
  }
  assert.throws(() => readGatesFile(dir), /EISDIR/);
});
