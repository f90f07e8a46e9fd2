import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Sessions } from './sessions.js';

class Session {
  closed = 0;
  async close(): Promise<void> {
    this.closed++;
  }
}

describe('Sessions', () => {
  it('refuses a session past its bound, and takes one again when one ends', () => {
    const sessions = new Sessions<Session>(2, 1000);
    assert.equal(sessions.add('a', new Session(), 'streamable'), true);
    assert.equal(sessions.add('b', new Session(), 'sse'), true);
    assert.equal(sessions.full, true);
    assert.equal(sessions.add('c', new Session(), 'streamable'), false);
    sessions.forget('a');
    assert.equal(sessions.add('c', new Session(), 'streamable'), true);
    assert.equal(sessions.countOf('streamable'), 1);
  });

  it('finds a session only under its own kind (a legacy id is no Streamable HTTP session)', () => {
    const sessions = new Sessions<Session>(2, 1000);
    sessions.add('a', new Session(), 'sse');
    assert.equal(sessions.use('a', 'streamable'), undefined);
    assert.ok(sessions.use('a', 'sse'));
  });

  it('closes the sessions idle for its idle time, and only those', async () => {
    let now = 0;
    const sessions = new Sessions<Session>(5, 1000, () => now);
    const quiet = new Session();
    const busy = new Session();
    sessions.add('quiet', quiet, 'streamable');
    sessions.add('busy', busy, 'streamable');
    now = 999;
    sessions.use('busy', 'streamable');
    assert.deepEqual(await sessions.sweep(), []);
    now = 1000;
    assert.deepEqual(await sessions.sweep(), ['quiet']);
    assert.equal(quiet.closed, 1);
    assert.equal(busy.closed, 0);
    assert.equal(sessions.size, 1);
  });

  it('closes every session at shutdown', async () => {
    const sessions = new Sessions<Session>(5, 1000);
    const all = [new Session(), new Session()];
    for (const [i, session] of all.entries()) sessions.add(String(i), session, 'sse');
    await sessions.closeAll();
    assert.deepEqual(
      all.map((session) => session.closed),
      [1, 1],
    );
    assert.equal(sessions.size, 0);
  });
});
