import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '@faces/kit';
import { readLoadtesterConfig } from './config.js';

test('defaults: no namespace restriction, gates in memory, one-hour runs', () => {
  const config = readLoadtesterConfig({});
  assert.equal(config.namespaceRegexp, undefined);
  assert.equal(config.gatesFile, undefined);
  assert.equal(config.initialGates.size, 0);
  assert.equal(config.taskTimeoutSeconds, 3600);
  assert.equal(config.kit.service, 'loadtester');
});

test('NAMESPACE_REGEXP matches anywhere in the namespace, as Go MatchString does', () => {
  const regexp = readLoadtesterConfig({ NAMESPACE_REGEXP: 'faces' }).namespaceRegexp;
  assert.equal(regexp?.test('faces'), true);
  assert.equal(regexp?.test('my-faces-2'), true);
  assert.equal(regexp?.test('default'), false);
});

test('refuses bad values by name', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'faces-config-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const corrupt = join(dir, 'gates.json');
  writeFileSync(corrupt, 'not json');
  const cases: { env: Record<string, string>; variable: string }[] = [
    { env: { NAMESPACE_REGEXP: '(' }, variable: 'NAMESPACE_REGEXP' },
    { env: { TASK_TIMEOUT_SECONDS: '0' }, variable: 'TASK_TIMEOUT_SECONDS' },
    { env: { TASK_TIMEOUT_SECONDS: '1h' }, variable: 'TASK_TIMEOUT_SECONDS' },
    { env: { GATES_FILE: corrupt }, variable: 'GATES_FILE' },
    { env: { GATES_FILE: dir }, variable: 'GATES_FILE' },
  ];
  for (const { env, variable } of cases) {
    assert.throws(
      () => readLoadtesterConfig(env),
      (error: unknown) => error instanceof ConfigError && error.variable === variable,
      JSON.stringify(env),
    );
  }
  assert.equal(readLoadtesterConfig({ GATES_FILE: join(dir, 'new.json') }).initialGates.size, 0);
});
