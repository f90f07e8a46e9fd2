import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { lazySchemaCompilers } from './lazy-schema-compilers.js';

const loaded = (fragment: string) =>
  Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes(fragment)).length;

// In its own process (node --test): the first test sees what an app without schemas loads.
describe('lazySchemaCompilers', () => {
  it('loads neither Ajv nor the serialiser compiler for an app without schemas', async (t) => {
    const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers() } });
    t.after(() => app.close());
    app.get('/', async () => ({ ok: true }));
    await app.ready();
    assert.deepEqual((await app.inject({ url: '/' })).json(), { ok: true });
    assert.equal(loaded('/node_modules/ajv/'), 0);
    assert.equal(loaded('/@fastify/fast-json-stringify-compiler/'), 0);
  });

  it('validates and serialises with Fastify’s own compilers once a route has a schema', async (t) => {
    const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers() } });
    t.after(() => app.close());
    app.get(
      '/',
      {
        schema: {
          querystring: { type: 'object', properties: { n: { type: 'integer', minimum: 1 } } },
          response: { 200: { type: 'object', properties: { n: { type: 'integer' } } } },
        },
      },
      async (request) => ({ n: (request.query as { n?: number }).n, secret: 'dropped' }),
    );
    assert.deepEqual((await app.inject({ url: '/?n=3' })).json(), { n: 3 });
    const invalid = await app.inject({ url: '/?n=0' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.json().message, /querystring\/n must be >= 1/);
    assert.ok(loaded('/node_modules/ajv/') > 0);
  });
});
