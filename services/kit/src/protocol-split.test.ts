import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect as connectHttp2, createServer as createHttp2Server } from 'node:http2';
import { connect, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { HTTP2_PREFACE, installProtocolSplit } from './protocol-split.js';

async function splitServer(t: import('node:test').TestContext) {
  const app = Fastify();
  app.get('/*', async () => ({ protocol: 'http/1.1' }));
  const h2 = createHttp2Server((_request, response) => response.end('h2'));
  installProtocolSplit(app.server, { onHttp2: (socket) => h2.emit('connection', socket), timeoutMs: 2000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  t.after(() => app.close());
  const address = app.server.address();
  return { port: typeof address === 'object' && address !== null ? address.port : 0, h2 };
}

/** An h2 session whose socket writes its first bytes one at a time (the preface trickles in). */
function trickle(socket: Socket): Socket {
  const write = socket.write.bind(socket);
  let first = true;
  socket.write = ((chunk: Buffer, ...rest: unknown[]) => {
    if (!first) return write(chunk, ...(rest as []));
    first = false;
    const bytes = Buffer.from(chunk);
    for (let i = 0; i < bytes.length; i++) setTimeout(() => write(bytes.subarray(i, i + 1)), i * 2);
    return true;
  }) as Socket['write'];
  return socket;
}

async function h2Get(port: number, slow: boolean): Promise<string> {
  const session = connectHttp2(`http://127.0.0.1:${port}`, {
    createConnection: () => {
      const socket = connect({ host: '127.0.0.1', port });
      return slow ? trickle(socket) : socket;
    },
  });
  try {
    const stream = session.request({ ':path': '/' });
    stream.setEncoding('utf8');
    let body = '';
    stream.on('data', (chunk: string) => {
      body += chunk;
    });
    await once(stream, 'end');
    return body;
  } finally {
    session.close();
  }
}

describe('installProtocolSplit', () => {
  it('the preface is the 24 bytes of RFC 9113', () => {
    assert.equal(HTTP2_PREFACE.length, 24);
    assert.equal(HTTP2_PREFACE.toString('latin1'), 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
  });

  it('hands HTTP/1.1 to the HTTP server and HTTP/2 to the h2 server, on one port', async (t) => {
    const { port } = await splitServer(t);
    const http = await fetch(`http://127.0.0.1:${port}/x`);
    assert.deepEqual(await http.json(), { protocol: 'http/1.1' });
    assert.equal(await h2Get(port, false), 'h2');
  });

  it('waits for a preface that arrives one byte at a time', async (t) => {
    const { port } = await splitServer(t);
    assert.equal(await h2Get(port, true), 'h2');
  });
});
