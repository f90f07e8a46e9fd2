import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

export interface Recorder {
  /** host:port, to put in a *_SERVICE variable. */
  readonly address: string;
  /** The headers of every request it passed on, in order. */
  readonly seen: IncomingHttpHeaders[];
  close(): Promise<void>;
}

/**
 * A pass-through in front of a real service that records the headers it is sent: what a backend
 * "sees" without changing the backend.
 */
export async function startRecorder(target: string): Promise<Recorder> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer(async (req, res) => {
    seen.push(req.headers);
    try {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers[name] = value;
      }
      const answer = await request(`${target}${req.url ?? '/'}`, { headers });
      const body = await answer.body.text();
      const type = answer.headers['content-type'];
      res.writeHead(answer.statusCode, typeof type === 'string' ? { 'content-type': type } : {});
      res.end(body);
    } catch {
      res.writeHead(502).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    seen,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
