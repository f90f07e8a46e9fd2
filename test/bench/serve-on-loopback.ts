import type { Server } from 'node:http';

/**
 * Listens on loopback at PORT (0: any free port) and logs the "listening" line the test helpers
 * wait for; SIGTERM stops at once (the load is over: kept-alive connections would hold close()).
 */
export function serveOnLoopback(server: Server, name: string, onStop: () => void = () => undefined): void {
  server.keepAliveTimeout = 72_000;
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    // By hand, not with the kit's listeningMessage(): importing the kit would load Fastify, pino
    // and prom-client into the processes that measure Node without them.
    process.stdout.write(`{"port":${port},"msg":"faces ${name} listening"}\n`);
  });
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    onStop();
  });
}
