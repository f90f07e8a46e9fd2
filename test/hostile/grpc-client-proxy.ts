// A loopback TCP proxy between face and color, standing in for a Kubernetes Service (kube-proxy
// picks a backend per connection) and for a network that goes silent on the connections it has.
import { once } from 'node:events';
import { connect, createServer, type Server as NetServer, type Socket } from 'node:net';
import { request } from 'undici';
import { type RunningService, startFaces } from '../helpers/processes.js';

export interface TcpProxy {
  /** grpc://127.0.0.1:port, as COLOR_SERVICE takes it. */
  readonly url: string;
  /** Connections accepted, by the backend port each went to. */
  readonly accepted: Map<number, number>;
  /** New connections go to these ports, in turn; connections already made keep theirs. */
  setBackends(ports: readonly number[]): void;
  /**
   * Every connection open now stops forwarding in both directions (bytes are read and dropped,
   * nothing is closed), while new connections are served.
   */
  freeze(): void;
  close(): Promise<void>;
}

interface Pair {
  frozen: boolean;
  readonly client: Socket;
  readonly upstream: Socket;
}

export async function startTcpProxy(backends: readonly number[]): Promise<TcpProxy> {
  let ports = [...backends];
  let turn = 0;
  const pairs = new Set<Pair>();
  const accepted = new Map<number, number>();
  const server = createServer((client) => {
    const port = ports[turn++ % ports.length] ?? 0;
    accepted.set(port, (accepted.get(port) ?? 0) + 1);
    const upstream = connect({ host: '127.0.0.1', port, noDelay: true });
    client.setNoDelay(true);
    const pair: Pair = { frozen: false, client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      if (!pair.frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!pair.frozen) client.write(chunk);
    });
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  const port = await listenOnLoopback(server);
  return {
    url: `grpc://127.0.0.1:${port}`,
    accepted,
    setBackends: (next) => {
      ports = [...next];
    },
    freeze: () => {
      for (const pair of pairs) pair.frozen = true;
    },
    close: async () => {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      server.close();
      await once(server, 'close');
    },
  };
}

/** One face answer: whether it is whole (no backend failed) and, if not, why. */
export interface FaceAnswer {
  readonly whole: boolean;
  readonly errors: readonly string[];
  /** The background color face chose (grey when color failed). */
  readonly color: string;
}

export function faceAnswerOf(status: number, body: string): FaceAnswer {
  if (status !== 200) return { whole: false, errors: [`HTTP ${status}`], color: '' };
  const face = JSON.parse(body) as { errors?: string[]; color?: string };
  const errors = face.errors ?? [];
  return { whole: errors.length === 0, errors, color: face.color ?? '' };
}

/** Asks face for `count` faces, `concurrency` at a time, and returns every answer. */
export async function askFaces(faceUrl: string, count: number, concurrency: number): Promise<FaceAnswer[]> {
  const answers: FaceAnswer[] = [];
  let next = 0;
  const caller = async () => {
    while (next < count) {
      next++;
      const response = await request(`${faceUrl}/center/`);
      answers.push(faceAnswerOf(response.statusCode, await response.body.text()));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return answers;
}

/** The answers that are not whole, with why (for assertion messages). */
export const brokenOf = (answers: readonly FaceAnswer[]) =>
  answers.filter((a) => !a.whole).map((a) => a.errors.join('; '));

/** Listens on a free loopback port and resolves with it. */
export async function listenOnLoopback(server: NetServer): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  return typeof address === 'object' && address !== null && 'port' in address ? Number(address.port) : 0;
}

/**
 * face's backend timeout in these tests: a slow answer on a loaded machine is not what they look
 * for (a refused or reset call shows grey at once), so it must not show as a red face.
 */
export const SLOW_MACHINE_TIMEOUT_MS = '5000';

/** color processes behind a proxy, a smiley, and a face calling color over gRPC through the proxy. */
export interface GrpcFaceStack {
  readonly colors: RunningService[];
  readonly smiley: RunningService;
  readonly proxy: TcpProxy;
  readonly face: RunningService;
  stop(): Promise<void>;
}

export async function startGrpcFaceStack(
  colorEnvs: readonly Record<string, string>[],
  faceEnv: Record<string, string> = {},
): Promise<GrpcFaceStack> {
  const seed = { FACES_SEED: '1' };
  const [smiley, ...colors] = await Promise.all([
    startFaces(['smiley'], seed),
    ...colorEnvs.map((env) => startFaces(['color'], { ...seed, ...env })),
  ]);
  const proxy = await startTcpProxy(colors.map((color) => color.port));
  const face = await startFaces(['face'], {
    ...seed,
    SMILEY_SERVICE: smiley.url,
    COLOR_SERVICE: proxy.url,
    BACKEND_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS,
    ...faceEnv,
  });
  return {
    colors,
    smiley,
    proxy,
    face,
    stop: async () => {
      await face.stop();
      await proxy.close();
      await Promise.all([smiley.stop(), ...colors.map((color) => color.stop())]);
    },
  };
}
