import {
  ConfigError,
  type Env,
  type KitConfig,
  readChoice,
  readInt,
  readKitConfig,
  readRaw,
  readServiceAddress,
  readToken,
  type ServiceAddress,
} from '@faces/kit';

/**
 * TRANSPORT: `stdio` speaks MCP on stdin/stdout (no port); `http` (the default) serves Streamable
 * HTTP at /mcp and the legacy HTTP+SSE pair /sse + /messages on one port. `sse` is the
 * original's name for its HTTP server and means the same as `http`.
 */
export const TRANSPORTS = ['http', 'sse', 'stdio'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** The MCP server listens on loopback unless HOST says otherwise, on the original's port. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 3000;
/** The hosts a request's Host (and Origin, when sent) may name by default: loopback only. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export interface McpConfig {
  readonly kit: KitConfig;
  readonly transport: Transport;
  readonly smiley: ServiceAddress;
  /** color's gRPC address (COLOR_URL); color answers HTTP on the same port (its /faults). */
  readonly color: ServiceAddress;
  readonly face: ServiceAddress;
  readonly gui: ServiceAddress;
  /** MCP_TOKEN: when set, every HTTP request needs Authorization: Bearer <token>. */
  readonly token: string | undefined;
  /** Hostnames (no port) Host and Origin may carry; undefined: any (MCP_ALLOWED_HOSTS=*). */
  readonly allowedHosts: readonly string[] | undefined;
  readonly maxSessions: number;
  readonly sessionIdleMs: number;
  /** Every call to a backend is abandoned after this long, with a tool error saying so. */
  readonly backendTimeoutMs: number;
}

/** `host`, `host:port`, `http://host:port`, and for COLOR_URL also `grpc://host:port`. */
function readAddress(env: Env, name: string, def: string, grpc = false): ServiceAddress {
  const raw = readRaw(env, name);
  if (grpc && raw?.startsWith('grpc://')) {
    const rest = raw.slice('grpc://'.length);
    if (rest === '') throw new ConfigError(name, raw, 'host, host:port, http://host:port or grpc://host:port');
    return readServiceAddress({ [name]: rest }, name, def);
  }
  return readServiceAddress(env, name, def);
}

const HOST_NAME = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/;

function readAllowedHosts(env: Env): readonly string[] | undefined {
  const raw = readRaw(env, 'MCP_ALLOWED_HOSTS');
  if (raw === undefined) return LOOPBACK_HOSTS;
  if (raw === '*') return undefined;
  const hosts = raw.split(',').map((host) => host.trim().toLowerCase());
  if (hosts.length > 64 || !hosts.every((host) => host.length <= 253 && HOST_NAME.test(host))) {
    throw new ConfigError(
      'MCP_ALLOWED_HOSTS',
      raw,
      'comma-separated host names without ports (at most 64, IPv6 in brackets), or * for any',
    );
  }
  return Object.freeze(hosts);
}

export function readMcpConfig(env: Env): McpConfig {
  // The kit's readers with this service's defaults: loopback, port 3000. env is read as given (not
  // copied), so that test/helpers/service-env.ts sees every name faces mcp reads (the chart's extraEnv).
  const kit: KitConfig = Object.freeze({
    ...readKitConfig(env, 'mcp'),
    host: readRaw(env, 'HOST') ?? DEFAULT_HOST,
    port: readInt(env, 'PORT', DEFAULT_PORT, 0, 65535),
  });
  return Object.freeze({
    kit,
    transport: readChoice(env, 'TRANSPORT', 'http', TRANSPORTS),
    smiley: readAddress(env, 'SMILEY_URL', 'http://smiley'),
    color: readAddress(env, 'COLOR_URL', 'color:80', true),
    face: readAddress(env, 'FACE_URL', 'http://face'),
    gui: readAddress(env, 'GUI_URL', 'http://faces-gui'),
    token: readToken(env, 'MCP_TOKEN'),
    allowedHosts: readAllowedHosts(env),
    maxSessions: readInt(env, 'MCP_MAX_SESSIONS', 32, 1, 1000),
    sessionIdleMs: readInt(env, 'MCP_SESSION_IDLE_SECONDS', 600, 1, 86_400) * 1000,
    backendTimeoutMs: readInt(env, 'MCP_BACKEND_TIMEOUT_MS', 5000, 100, 60_000),
  });
}
