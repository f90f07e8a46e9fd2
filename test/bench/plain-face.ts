import { createServer } from 'node:http';
import { Pool } from 'undici';
import { serveOnLoopback } from './serve-on-loopback.js';

// A reference for face, not a ceiling: the same two backend calls over undici pools of the same
// size, written plainly on node:http with undici's promise API, and nothing else (no Fastify,
// faults, metrics, logging or trace context). Set beside face, it shows what Faces' own code
// costs; face, which dispatches with a handler instead of the promise API, measures cheaper.
function backend(variable: string): Pool {
  const url = process.env[variable];
  if (url === undefined) throw new Error(`plain-face: ${variable} is not set`);
  return new Pool(url, { connections: 64 });
}
const smiley = backend('SMILEY_SERVICE');
const color = backend('COLOR_SERVICE');

async function field(pool: Pool, name: string): Promise<string> {
  const { statusCode, body } = await pool.request({ method: 'GET', path: '/center/' });
  const data = (await body.json()) as Record<string, unknown>;
  if (statusCode !== 200) throw new Error(`${name}: ${statusCode}`);
  return String(data[name]);
}

const server = createServer((_request, response) => {
  Promise.all([field(smiley, 'smiley'), field(color, 'color')]).then(
    ([smileyValue, colorValue]) => {
      const body = JSON.stringify({ smiley: smileyValue, color: colorValue, errors: [] });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    },
    () => {
      response.writeHead(502).end();
    },
  );
});
serveOnLoopback(server, 'plain-face', () => {
  void smiley.close();
  void color.close();
});
