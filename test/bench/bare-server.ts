import { createServer } from 'node:http';

// The ceiling: one Node process answering a fixed JSON body with nothing else in the way.
const body = JSON.stringify({ smiley: '&#x1F603;' });
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`{"port":${port},"msg":"faces bare listening"}\n`);
});
// Stop at once (the load is over): kept-alive connections would hold close() open.
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
