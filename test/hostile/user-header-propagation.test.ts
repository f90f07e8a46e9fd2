import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_USER_BYTES } from '@faces/kit';
import { type RecordingBackend, startRecordingBackend } from '../helpers/backends.js';
import { assertSameBytes, headerBytesOf, latin1Bytes, nonAsciiBytes, rawRequest } from '../helpers/header-bytes.js';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { exchange, statusesOf } from '../helpers/raw-client.js';

const ANSWER_MS = 10_000;

describe('a non-ASCII X-Faces-User reaches the backends byte for byte', () => {
  let smiley: RecordingBackend;
  let color: RecordingBackend;
  let face: RunningService;
  let gui: RunningService;

  before(async () => {
    [smiley, color] = await Promise.all([
      startRecordingBackend({ status: 200, body: '{"smiley":"&#x1F603;"}' }),
      startRecordingBackend({ status: 200, body: '{"color":"#228833"}' }),
    ]);
    face = await startFaces(['face'], { SMILEY_SERVICE: smiley.url, COLOR_SERVICE: color.url, FACES_SEED: '1' });
    gui = await startFaces(['gui'], { FACE_SERVICE: face.url, FACES_SEED: '1' });
  });
  after(async () => {
    await Promise.all([gui?.stop(), face?.stop()]);
    await Promise.all([smiley?.close(), color?.close()]);
  });

  /** Sends `user` to `service`: its answer, and the user bytes each backend then received. */
  async function sendThrough(service: RunningService, path: string, user: Buffer) {
    const seen = [smiley.requests.length, color.requests.length];
    const { received } = await exchange(service.port, rawRequest(path, { 'X-Faces-User': user }), ANSWER_MS);
    assert.deepEqual(statusesOf(received), [200]);
    assert.equal(smiley.requests.length, (seen[0] ?? 0) + 1, 'smiley called once');
    assert.equal(color.requests.length, (seen[1] ?? 0) + 1, 'color called once');
    const atBackends = [smiley.requests.at(-1), color.requests.at(-1)].map((request) =>
      latin1Bytes(request?.headers['x-faces-user']),
    );
    return { received, atBackends };
  }

  for (const length of [1, 100, MAX_USER_BYTES]) {
    it(`face passes on a ${length}-byte non-ASCII user unchanged, and echoes it unchanged`, async () => {
      const user = nonAsciiBytes(length);
      const { received, atBackends } = await sendThrough(face, '/center/', user);
      for (const bytes of atBackends) assertSameBytes(bytes, user, 'a backend got');
      assertSameBytes(headerBytesOf(received, 'x-faces-user'), user, 'the echo');
    });

    it(`the GUI passes a ${length}-byte non-ASCII user to face, and face to the backends, unchanged`, async () => {
      const user = nonAsciiBytes(length);
      const { received, atBackends } = await sendThrough(gui, '/face/edge/', user);
      for (const bytes of atBackends) assertSameBytes(bytes, user, 'a backend got');
      assertSameBytes(headerBytesOf(received, 'x-faces-user'), user, 'the echo');
    });
  }
});
