// Connections that send nothing, or go quiet after an answer, are bounded too: a silent one by
// REQUEST_TIMEOUT_MS (408), an idle kept-alive one by KEEP_ALIVE_TIMEOUT_MS (a plain close).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startFaces } from '../helpers/processes.js';
import { collect, openRaw, statusesOf } from '../helpers/raw-client.js';

const REQUEST_TIMEOUT_MS = 1000;
const KEEP_ALIVE_TIMEOUT_MS = 1000;
const CLOSED_WITHIN_MS = 8000;

describe('idle connections', () => {
  it('a connection that sends nothing gets 408 and a close within the bound', async (t) => {
    const smiley = await startFaces(['smiley'], { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
    t.after(() => smiley.stop('SIGKILL'));
    const seen = await collect(await openRaw(smiley.port), CLOSED_WITHIN_MS);
    assert.ok(seen.closed, `still open after ${Math.round(seen.elapsedMs)} ms`);
    assert.deepEqual(statusesOf(seen.received), [408]);
  });

  it('a kept-alive connection idle after its answer is closed within the bound', async (t) => {
    const smiley = await startFaces(['smiley'], {
      REQUEST_TIMEOUT_MS: '60000',
      KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
    });
    t.after(() => smiley.stop('SIGKILL'));
    const socket = await openRaw(smiley.port);
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const seen = await collect(socket, CLOSED_WITHIN_MS);
    assert.ok(seen.closed, `still open after ${Math.round(seen.elapsedMs)} ms`);
    assert.deepEqual(statusesOf(seen.received), [200]);
    assert.match(seen.received.toString('latin1'), /\r\nKeep-Alive: timeout=1\r\n/i);
  });
});
