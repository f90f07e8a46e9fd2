// `node test/dist/bench/grpc-client-footing.js`: face's gRPC client measured alone. One color
// process serves every variant; each variant runs in its own child process, in rounds that
// alternate the variants, and reports calls per second and its own CPU per call. Not a test: it
// prints figures and their ratios to the hand-written client, measured in one run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { RUNTIME_NODE_OPTIONS } from '@faces/kit';
import {
  ColorRequestSchema,
  ColorResponseSchema,
  ColorService,
  create,
  fromBinary,
  toBinary,
} from '@faces/kit/color-rpc';
import { credentials, Client as GrpcJsClient, Metadata } from '@grpc/grpc-js';
import type * as PoolModule from '../../services/face/src/grpc/connection-pool.js';
import type * as CallModule from '../../services/face/src/grpc/unary-client-call.js';
import { startFaces } from '../helpers/processes.js';

const VARIANTS = [
  'hand-written node:http2',
  'hand-written, 1 connection',
  'Connect (connect-node)',
  '@grpc/grpc-js',
] as const;
type Variant = (typeof VARIANTS)[number];
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_REPEATS ?? 3);
const concurrency = Number(process.env.BENCH_CONNECTIONS ?? 32);
const CENTER = `/${ColorService.typeName}/Center`;

type OneCall = () => Promise<void>;

async function handWritten(port: number, connections: number): Promise<OneCall> {
  const faceDist = new URL('../../../services/face/dist/grpc/', import.meta.url);
  const { ConnectionPool } = (await import(new URL('connection-pool.js', faceDist).href)) as typeof PoolModule;
  const { UnaryClientCall } = (await import(new URL('unary-client-call.js', faceDist).href)) as typeof CallModule;
  // face's defaults (docs/configuration.md): 4 connections, PING every 1 s with a 1 s timeout.
  const settings = { connections, keepaliveMs: 1000, keepaliveTimeoutMs: 1000, maxStreamsPerConnection: 1e9 };
  const channel = new ConnectionPool({ host: '127.0.0.1', port, origin: `http://127.0.0.1:${port}` }, settings, 1000);
  const message = toBinary(ColorRequestSchema, create(ColorRequestSchema, { row: 1, column: 1 }));
  const request = { path: CENTER, metadata: [], message, timeoutMs: 1000, maxReplyBytes: 4096 };
  return () =>
    new Promise((resolve, reject) => {
      new UnaryClientCall(channel.get(), request, (result) => {
        if (!('reply' in result)) reject(new Error(`call failed: ${result.message}`));
        else if (fromBinary(ColorResponseSchema, result.reply).color === '') reject(new Error('no color'));
        else resolve();
      });
    });
}

async function connect(port: number): Promise<OneCall> {
  const transport = createGrpcTransport({ baseUrl: `http://127.0.0.1:${port}`, pingIntervalMs: 1000 });
  const client = createClient(ColorService, transport);
  return async () => {
    const reply = await client.center({ row: 1, column: 1 }, { timeoutMs: 1000 });
    if (reply.color === '') throw new Error('no color');
  };
}

async function grpcJs(port: number): Promise<OneCall> {
  const client = new GrpcJsClient(`127.0.0.1:${port}`, credentials.createInsecure(), {
    'grpc.keepalive_time_ms': 1000,
    'grpc.keepalive_timeout_ms': 1000,
  });
  const serialize = (value: { row: number; column: number }) =>
    Buffer.from(toBinary(ColorRequestSchema, create(ColorRequestSchema, value)));
  const deserialize = (bytes: Buffer) => fromBinary(ColorResponseSchema, bytes);
  return () =>
    new Promise((resolve, reject) => {
      const deadline = Date.now() + 1000;
      client.makeUnaryRequest(
        CENTER,
        serialize,
        deserialize,
        { row: 1, column: 1 },
        new Metadata(),
        { deadline },
        (error, reply) => {
          if (error !== null) reject(new Error(`call failed: ${error.message}`));
          else if (reply?.color === '') reject(new Error('no color'));
          else resolve();
        },
      );
    });
}

/** In the child: `concurrency` callers for `seconds` after a warm-up; prints {calls, cpuMicros}. */
async function child(variant: Variant, port: number): Promise<void> {
  const call =
    variant === '@grpc/grpc-js'
      ? await grpcJs(port)
      : variant === 'Connect (connect-node)'
        ? await connect(port)
        : await handWritten(port, variant === 'hand-written, 1 connection' ? 1 : 4);
  let counting = false;
  let calls = 0;
  let stop = false;
  const worker = async () => {
    while (!stop) {
      await call();
      if (counting) calls++;
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  counting = true;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(cpu);
  const elapsed = (performance.now() - started) / 1000;
  const measured = calls;
  stop = true;
  await Promise.all(workers);
  process.stdout.write(
    `${JSON.stringify({ rate: measured / elapsed, cpuMicros: (used.user + used.system) / measured })}\n`,
  );
  process.exit(0);
}

function runChild(variant: Variant, port: number): Promise<{ rate: number; cpuMicros: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [fileURLToPath(import.meta.url), variant, String(port)], {
      env: { ...process.env, NODE_OPTIONS: RUNTIME_NODE_OPTIONS },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${variant} exited ${code}`))));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const color = await startFaces(['color'], {
    FACES_SEED: '1',
    DRAIN_SECONDS: '0',
    NODE_OPTIONS: RUNTIME_NODE_OPTIONS,
  });
  const results = new Map<Variant, { rate: number[]; cpu: number[] }>(VARIANTS.map((v) => [v, { rate: [], cpu: [] }]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const variant of VARIANTS) {
        const { rate, cpuMicros } = await runChild(variant, color.port);
        results.get(variant)?.rate.push(rate);
        results.get(variant)?.cpu.push(cpuMicros);
      }
    }
  } finally {
    await color.stop();
  }
  const base = results.get(VARIANTS[0]);
  const baseRate = median(base?.rate ?? []);
  const baseCpu = median(base?.cpu ?? []);
  process.stdout.write(
    `gRPC client alone → one color process, ${concurrency} callers, ${rounds} rounds of ${seconds} s (medians)\n`,
  );
  for (const [variant, { rate, cpu }] of results) {
    const r = median(rate);
    const c = median(cpu);
    process.stdout.write(
      `${variant.padEnd(26)} ${r.toFixed(0).padStart(6)} calls/s (×${(r / baseRate).toFixed(2)})  ` +
        `${c.toFixed(1).padStart(6)} µs CPU/call (×${(c / baseCpu).toFixed(2)})\n`,
    );
  }
}

const [variant, port] = process.argv.slice(2);
if (variant !== undefined) await child(variant as Variant, Number(port));
else await main();
