import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { readServiceAddress } from '@faces/kit';
import { FaceProxy, MAX_FACE_ANSWER_BYTES, type ProxyResult } from './face-proxy.js';

/** A face whose answer to /face/<n>/ is n bytes, sent in 4 KiB chunks; /face/<n>/length sends a Content-Length. */
const server = createServer((request, response) => {
  const [, , size, framing] = (request.url ?? '').split('/');
  const total = Number(size);
  response.writeHead(200, framing === 'length' ? { 'content-length': String(total) } : {});
  for (let sent = 0; sent < total; sent += 4096) response.write(Buffer.alloc(Math.min(4096, total - sent), 0x20));
  response.end();
});

describe('FaceProxy and the size of face answers', () => {
  let proxy: FaceProxy;
  before(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    proxy = new FaceProxy(readServiceAddress({ FACE_SERVICE: `127.0.0.1:${port}` }, 'FACE_SERVICE', 'face'), 5000, 2);
  });
  after(async () => {
    await proxy.close();
    server.closeAllConnections();
    server.close();
  });

  function sizeOf(result: ProxyResult): number | string {
    return result.kind === 'answer' ? result.body.length : `${result.kind}: ${result.detail}`;
  }

  for (const framing of ['chunked', 'length']) {
    it(`takes an answer of exactly the cap (${MAX_FACE_ANSWER_BYTES} bytes, ${framing})`, async () => {
      assert.equal(
        sizeOf(await proxy.get(`/face/${MAX_FACE_ANSWER_BYTES}/${framing}`, 'u', 'ua')),
        MAX_FACE_ANSWER_BYTES,
      );
    });

    it(`refuses an answer one byte over the cap (${framing}), naming the cap, and then works again`, async () => {
      const result = await proxy.get(`/face/${MAX_FACE_ANSWER_BYTES + 1}/${framing}`, 'u', 'ua');
      assert.match(sizeOf(result).toString(), /^bad-answer: face at .* answered more than 65536 bytes, the GUI's cap$/);
      assert.equal(sizeOf(await proxy.get(`/face/10/${framing}`, 'u', 'ua')), 10);
    });
  }
});
