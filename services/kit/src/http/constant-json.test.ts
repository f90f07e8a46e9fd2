import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { constantJsonHandler, JSON_CONTENT_TYPE } from './constant-json.js';

describe('constantJsonHandler', () => {
  it('answers the body as JSON, with the content type Fastify gives serialised objects', async (t) => {
    const app = Fastify();
    t.after(() => app.close());
    app.get('/constant', constantJsonHandler({ smiley: '&#x1F603;', note: 'é "quoted"' }));
    app.get('/serialised', async () => ({ smiley: '&#x1F603;', note: 'é "quoted"' }));
    const constant = await app.inject({ url: '/constant' });
    const serialised = await app.inject({ url: '/serialised' });
    assert.equal(constant.headers['content-type'], JSON_CONTENT_TYPE);
    assert.equal(constant.headers['content-type'], serialised.headers['content-type']);
    assert.equal(constant.body, serialised.body);
    assert.deepEqual(constant.json(), { smiley: '&#x1F603;', note: 'é "quoted"' });
  });

  it('serialises once: later changes to the object do not reach the answer', async (t) => {
    const app = Fastify();
    t.after(() => app.close());
    const body = { color: 'blue' };
    app.get('/', constantJsonHandler(body));
    body.color = 'red';
    assert.deepEqual((await app.inject({ url: '/' })).json(), { color: 'blue' });
  });
});
