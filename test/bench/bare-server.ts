import { createServer } from 'node:http';
import { serveOnLoopback } from './serve-on-loopback.js';

// The ceiling: one Node process answering a fixed JSON body with nothing else in the way.
const body = JSON.stringify({ smiley: '&#x1F603;' });
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
serveOnLoopback(server, 'bare');
