import {
  ConfigError,
  type Env,
  type KitConfig,
  readInt,
  readKitConfig,
  readRaw,
  readServiceAddress,
  type ServiceAddress,
} from '@faces/kit';

/** Well under the GUI's cell budget (a cell asks every 2 s), so a slow backend shows as Sleeping, not a blank. */
export const DEFAULT_BACKEND_TIMEOUT_MS = 1000;
/** Kept-alive connections per backend: enough for the GUI and `faces load` at full tilt on one pod. */
export const DEFAULT_BACKEND_CONNECTIONS = 64;
/** gRPC: connections per color address, so calls spread over color pods behind a Service (no mesh). */
export const DEFAULT_GRPC_CONNECTIONS = 4;
/** gRPC keep-alive: a PING this often while calls are open, and one unanswered this long drops the connection. */
export const DEFAULT_GRPC_KEEPALIVE_MS = 1000;
export const DEFAULT_GRPC_PING_TIMEOUT_MS = 1000;
/** Client stream ids are odd and end at 2^31 - 1 (2^30 streams): a connection is renewed well before. */
export const MAX_GRPC_STREAMS_PER_CONNECTION = 2 ** 30 - 1;
export const DEFAULT_GRPC_MAX_STREAMS = 1_000_000_000;

export function readGrpcClientSettings(env: Env): GrpcClientSettings {
  return Object.freeze({
    connections: readInt(env, 'GRPC_CONNECTIONS', DEFAULT_GRPC_CONNECTIONS, 1, 64),
    keepaliveMs: readInt(env, 'GRPC_KEEPALIVE_MS', DEFAULT_GRPC_KEEPALIVE_MS, 100, 300_000),
    keepaliveTimeoutMs: readInt(env, 'GRPC_PING_TIMEOUT_MS', DEFAULT_GRPC_PING_TIMEOUT_MS, 100, 60_000),
    maxStreamsPerConnection: readInt(
      env,
      'GRPC_MAX_STREAMS',
      DEFAULT_GRPC_MAX_STREAMS,
      1,
      MAX_GRPC_STREAMS_PER_CONNECTION,
    ),
  });
}

const GRPC_SCHEME = 'grpc://';
const COLOR_SERVICE_FORMS = 'host, host:port, http://host:port or grpc://host[:port] (port 1-65535)';

/** Where color is, and how face speaks to it: HTTP/1.1 JSON, or gRPC (COLOR_SERVICE=grpc://…). */
export type ColorBackendAddress = ServiceAddress & { readonly protocol: 'http' | 'grpc' };

/** How face's gRPC client keeps its connections (GRPC_* in docs/configuration.md). */
export interface GrpcClientSettings {
  /** HTTP/2 connections per color address, used in turn. */
  readonly connections: number;
  /** While calls are open on a connection, a PING goes out this often… */
  readonly keepaliveMs: number;
  /** …and a PING unanswered this long drops the connection (its open calls fail UNAVAILABLE). */
  readonly keepaliveTimeoutMs: number;
  /** Streams opened on one connection before it is replaced (client stream ids end at 2^31 - 1). */
  readonly maxStreamsPerConnection: number;
}

export interface FaceConfig {
  readonly kit: KitConfig;
  readonly smiley: ServiceAddress;
  readonly color: ColorBackendAddress;
  /** Each backend call is abandoned (and its connection closed) after this many milliseconds. */
  readonly backendTimeoutMs: number;
  /** The most connections face keeps open to each backend over HTTP/1.1 (gRPC uses one). */
  readonly backendConnections: number;
  /** face's gRPC client to color (COLOR_SERVICE=grpc://). */
  readonly grpc: GrpcClientSettings;
}

/** COLOR_SERVICE: `grpc://host[:port]` (port 80 by default) for gRPC; a bare host[:port] or http:// for HTTP/1.1. */
export function readColorService(env: Env): ColorBackendAddress {
  const raw = readRaw(env, 'COLOR_SERVICE');
  const grpc = raw?.startsWith(GRPC_SCHEME) === true;
  const address = grpc ? (raw ?? '').slice(GRPC_SCHEME.length) : raw;
  try {
    // grpc:// alone is no address (readServiceAddress would take the empty rest for unset).
    if (grpc && address === '') throw new ConfigError('COLOR_SERVICE', raw ?? '', COLOR_SERVICE_FORMS);
    const parsed = readServiceAddress(
      address === undefined ? {} : { COLOR_SERVICE: address },
      'COLOR_SERVICE',
      'color',
    );
    return Object.freeze({ ...parsed, protocol: grpc ? ('grpc' as const) : ('http' as const) });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError('COLOR_SERVICE', raw ?? '', COLOR_SERVICE_FORMS);
  }
}

export function readFaceConfig(env: Env): FaceConfig {
  return Object.freeze({
    kit: readKitConfig(env, 'face'),
    smiley: readServiceAddress(env, 'SMILEY_SERVICE', 'smiley'),
    color: readColorService(env),
    backendTimeoutMs: readInt(env, 'BACKEND_TIMEOUT_MS', DEFAULT_BACKEND_TIMEOUT_MS, 1, 60_000),
    backendConnections: readInt(env, 'BACKEND_CONNECTIONS', DEFAULT_BACKEND_CONNECTIONS, 1, 1024),
    grpc: readGrpcClientSettings(env),
  });
}
