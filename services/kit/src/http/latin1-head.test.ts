import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import { sendHeadAsLatin1 } from './latin1-head.js';

const USER = Buffer.from([0x61, 0x80, 0xe9, 0xff, 0x62]);

/** Serves one answer written by `respond` and returns the raw bytes a client received. */
async function rawAnswer(t: TestContext, respond: (response: ServerResponse) => void): Promise<Buffer> {
  const server = createServer((_request, response) => {
    response.setHeader('x-user', USER.toString('latin1'));
    sendHeadAsLatin1(response);
    respond(response);
  });
  t.after(() => server.close());
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  t.after(() => socket.destroy());
  socket.end('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(socket, 'close');
  return Buffer.concat(chunks);
}

function headOf(received: Buffer): Buffer {
  return received.subarray(0, received.indexOf('\r\n\r\n'));
}

const CASES: { name: string; respond: (response: ServerResponse) => void; body: string }[] = [
  { name: 'end(string)', respond: (response) => response.end('{"a":"é"}'), body: '{"a":"é"}' },
  { name: 'end(string, latin1)', respond: (response) => response.end('b\u00e9', 'latin1'), body: 'b\ufffd' },
  { name: 'end(string, callback)', respond: (response) => response.end('c', () => {}), body: 'c' },
  {
    name: 'write(string) then end() (chunked)',
    respond: (response) => {
      response.write('d');
      response.end();
    },
    body: '1\r\nd\r\n0\r\n\r\n',
  },
  {
    name: 'write(string) with a Content-Length',
    respond: (response) => {
      response.setHeader('content-length', '1');
      response.write('f');
      response.end();
    },
    body: 'f',
  },
  { name: 'end(Buffer)', respond: (response) => response.end(Buffer.from('e')), body: 'e' },
  { name: 'end() with no body', respond: (response) => response.end(), body: '' },
];

describe('sendHeadAsLatin1', () => {
  for (const { name, respond, body } of CASES) {
    it(`sends header bytes 0x80–0xFF unchanged, and the body as given, with ${name}`, async (t) => {
      const received = await rawAnswer(t, respond);
      assert.ok(headOf(received).includes(Buffer.concat([Buffer.from('x-user: '), USER])), received.toString('latin1'));
      assert.equal(received.subarray(received.indexOf('\r\n\r\n') + 4).toString('utf8'), body);
    });
  }
});
