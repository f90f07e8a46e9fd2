import assert from 'node:assert/strict';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import { flaggerEvent, postEvent } from '../helpers/flagger-events.js';
import { get } from '../helpers/http.js';
import { startFaces } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait-until.js';

function openStream(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => httpGet(`${url}/events/stream`, resolve).on('error', reject));
}

/** The last snapshot a stream carried, once `holds` is true of it. */
function lastSnapshot(stream: IncomingMessage): () => { rollouts: unknown[] } | undefined {
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    text = (text + chunk).slice(-200_000);
  });
  return () => {
    const data = [...text.matchAll(/^data: (.*)$/gm)].at(-1)?.[1];
    return data === undefined ? undefined : (JSON.parse(data) as { rollouts: unknown[] });
  };
}

describe('hostile: the GUI under floods of events and streams', () => {
  it('keeps 32 canaries of 2000 names, refuses 1 MiB bodies, caps streams, and stays healthy', async (t) => {
    const gui = await startFaces(['gui'], { FACE_SERVICE: '127.0.0.1:9' });
    t.after(() => gui.stop());

    const streams = await Promise.all(Array.from({ length: 140 }, () => openStream(gui.url)));
    t.after(() => {
      for (const stream of streams) stream.destroy();
    });
    const statuses = streams.map((s) => s.statusCode);
    assert.equal(statuses.filter((s) => s === 200).length, 128);
    assert.equal(statuses.filter((s) => s === 503).length, 12);
    const snapshot = lastSnapshot(streams.find((s) => s.statusCode === 200) as IncomingMessage);

    const huge = await fetch(`${gui.url}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"name":"${'x'.repeat(1024 * 1024)}"}`,
    });
    assert.equal(huge.status, 413);

    for (let batch = 0; batch < 20; batch++) {
      const posts = Array.from({ length: 100 }, (_, i) =>
        postEvent(gui.url, flaggerEvent(`canary-${batch * 100 + i}`, 'Progressing', `Advance canary weight ${i % 50}`)),
      );
      assert.deepEqual(new Set(await Promise.all(posts)), new Set([202]));
    }
    const last = await waitUntil(
      'the stream to carry the last canary',
      async () => snapshot(),
      (s) => JSON.stringify(s?.rollouts ?? []).includes('canary-1999'),
    );
    assert.equal(last?.rollouts.length, 32);
    assert.equal((await get(`${gui.url}/healthz`)).status, 200);
  });
});
