import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { after, describe, it, type TestContext } from 'node:test';
import { Backends, MAX_BACKEND_BODY_BYTES, messageOf } from './backend-call.js';

const backends = new Backends(2);
after(() => backends.close());
const callBackend = backends.call.bind(backends);

describe('messageOf', () => {
  it("takes a refusal's error, or its errors, or its text", () => {
    assert.equal(messageOf('{"error":"unknown smiley"}'), 'unknown smiley');
    assert.equal(messageOf('{"errors":["a","b"]}'), 'a; b');
    assert.equal(messageOf(' plain '), 'plain');
    assert.equal(messageOf('x'.repeat(400)).length, 301);
  });
});

/** A peer that takes connections and never answers; its sockets go at the test's end. */
async function silentPeer(t: TestContext): Promise<{ port: number; server: Server; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  const { port } = server.address() as { port: number };
  return { port, server, sockets };
}

describe('callBackend', () => {
  it('names a refused connection, without throwing', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const answer = await callBackend(`http://127.0.0.1:${port}/`, 'smiley (here)', { timeoutMs: 2000 });
    assert.equal(answer.ok, false);
    if (!answer.ok)
      assert.match(answer.reason, /^cannot get an answer from smiley \(here\): connection refused \(ECONNREFUSED\)$/);
  });

  it('gives up on a silent peer at its deadline', async (t) => {
    const { port } = await silentPeer(t);
    const answer = await callBackend(`http://127.0.0.1:${port}/`, 'face', { timeoutMs: 200 });
    assert.equal(answer.ok, false);
    if (!answer.ok) assert.match(answer.reason, /no answer within 200 ms/);
  });

  it(`refuses a body past ${MAX_BACKEND_BODY_BYTES} bytes`, async (t) => {
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n');
      const chunk = 'x'.repeat(16 * 1024);
      for (let i = 0; i < 8; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => server.close());
    const { port } = server.address() as { port: number };
    const answer = await callBackend(`http://127.0.0.1:${port}/`, 'smiley', { timeoutMs: 2000 });
    assert.equal(answer.ok, false);
    if (!answer.ok) assert.match(answer.reason, /answered more than 65536 bytes/);
  });

  it("ends a call when the caller's signal aborts, and lets its connection go", { timeout: 20_000 }, async (t) => {
    const { port, server, sockets } = await silentPeer(t);
    const controller = new AbortController();
    server.once('connection', (socket) => {
      socket.once('data', () => controller.abort());
    });
    const answer = await callBackend(`http://127.0.0.1:${port}/`, 'face', {
      timeoutMs: 60_000,
      signal: controller.signal,
    });
    assert.equal(answer.ok, false);
    if (!answer.ok) assert.equal(answer.reason, 'cannot get an answer from face: cancelled');
    const [socket] = sockets;
    assert.ok(socket !== undefined);
    if (!socket.closed) await once(socket, 'close');
  });

  it('makes no call for a signal aborted already', async (t) => {
    let connections = 0;
    const server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => server.close());
    const { port } = server.address() as { port: number };
    const answer = await callBackend(`http://127.0.0.1:${port}/`, 'smiley', {
      timeoutMs: 2000,
      signal: AbortSignal.abort(),
    });
    assert.equal(answer.ok, false);
    if (!answer.ok) assert.equal(answer.reason, 'cannot get an answer from smiley: cancelled');
    assert.equal(connections, 0);
  });
});
