// What the bundle imports as ES modules from Node itself. An ES-module import of node:http makes
// Node 26 build that module's whole namespace, and its lazy WebSocket, CloseEvent and MessageEvent
// getters load Node's bundled undici: 2.8 MiB more heap and 6 MiB more anonymous memory in every
// process that does it (measured here). The services get node:http through require() instead
// (Fastify's, in the bundle), which reads no getter.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../helpers/repo.js';

const bundle = repoPath('services/cli/dist/bundle');
const chunks = readdirSync(bundle).filter((name) => name.endsWith('.js'));

test('the bundle has chunks to check', () => {
  assert.ok(chunks.includes('faces.js') && chunks.length > 3, chunks.join(', '));
});

test('no chunk imports node:http (or http) as an ES module (node:https and node:http2 cost the same either way)', () => {
  const offenders = chunks.filter((name) =>
    /(from\s*|import\s*\(\s*)["'](node:)?http["']/.test(readFileSync(join(bundle, name), 'utf8')),
  );
  assert.deepEqual(offenders, []);
});
