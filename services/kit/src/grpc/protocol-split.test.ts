import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect as connectHttp2, createServer as createHttp2Server } from 'node:http2';
import { connect, createServer as createNetServer } from 'node:net';
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

/**
 * A loopback relay to `port` that passes the first 24 bytes from its client one at a time, 2 ms
 * apart (the HTTP/2 preface trickles in), and everything after as it comes.
 */
async function trickleRelay(t: import('node:test').TestContext, port: number): Promise<number> {
  const relay = createNetServer((client) => {
    const upstream = connect({ host: '127.0.0.1', port });
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    const queue: Buffer[] = [];
    let sent = 0;
    let pumping = false;
    const pump = () => {
      const next = queue[0];
      if (next === undefined) {
        pumping = false;
        return;
      }
      pumping = true;
      if (sent < HTTP2_PREFACE.length) {
        upstream.write(next.subarray(0, 1));
        sent++;
        if (next.length > 1) queue[0] = next.subarray(1);
        else queue.shift();
        setTimeout(pump, 2);
        return;
      }
      queue.shift();
      upstream.write(next);
      pump();
    };
    client.on('data', (chunk: Buffer) => {
      queue.push(chunk);
      if (!pumping) pump();
    });
  });
  relay.listen(0, '127.0.0.1');
  await once(relay, 'listening');
  t.after(() => relay.close());
  const address = relay.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

async function h2Get(port: number): Promise<string> {
  const session = connectHttp2(`http://127.0.0.1:${port}`);
  session.on('error', () => {});
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
    assert.equal(await h2Get(port), 'h2');
  });

  it('waits for a preface that arrives one byte at a time', async (t) => {
    const { port } = await splitServer(t);
    assert.equal(await h2Get(await trickleRelay(t, port)), 'h2');
  });
});
