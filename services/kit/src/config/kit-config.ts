import { hostname } from 'node:os';
import { ConfigError } from './config-error.js';
import {
  type Env,
  isHeaderToken,
  readChoice,
  readDecimal,
  readDelayBuckets,
  readHeaderValue,
  readInt,
  readPercent,
  readRaw,
} from './env-readers.js';

export const SERVICE_NAMES = ['smiley', 'color', 'face', 'gui', 'loadtester', 'mcp'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface FaultConfig {
  /** Percent of normal requests that fail with 500. */
  readonly errorFraction: number;
  /** Percent of injected errors that latch the service into 599s. */
  readonly latchFraction: number;
  /** Milliseconds; each request waits one, picked at random. Empty: no delay. */
  readonly delayBuckets: readonly number[];
  /** Requests per second above which the service answers 429; 0 disables the limit. */
  readonly maxRate: number;
  /** A latched service recovers once it has seen no request for this long. */
  readonly latchIdleSeconds: number;
}

export interface KitConfig {
  readonly service: ServiceName;
  readonly host: string;
  /** 0 asks the OS for a free port (tests use it). */
  readonly port: number;
  readonly logLevel: LogLevel;
  /** Sent as X-Faces-Pod: HOST_IP, else HOSTNAME, else the machine's host name. */
  readonly pod: string;
  /** FACES_SEED; undefined means a random seed, logged at start. */
  readonly seed: number | undefined;
  readonly faults: FaultConfig;
  /** After SIGTERM, readiness is 503 but requests are still served for this long. */
  readonly drainSeconds: number;
  /** The whole shutdown, drain included, is bounded by this; past it the process exits 1. */
  readonly shutdownTimeoutSeconds: number;
  /** A request's headers and body must all arrive within this, from its first byte; else 408 and a close. */
  readonly requestTimeoutMs: number;
  /** A kept-alive connection idle this long after an answer is closed. */
  readonly keepAliveTimeoutMs: number;
  /** CONTROL_TOKEN: the Bearer token of the live fault control; undefined turns it off (404). */
  readonly controlToken: string | undefined;
}

/** A token goes in an Authorization header: visible ASCII, long enough not to be guessed on stage. */
const TOKEN = /^[\x21-\x7e]{8,512}$/;

/** A Bearer token from the environment (CONTROL_TOKEN, the GUI's EVENTS_TOKEN); undefined when unset. */
export function readToken(env: Env, name: string): string | undefined {
  const raw = readRaw(env, name);
  if (raw !== undefined && !TOKEN.test(raw)) {
    // A secret: the message says how long it was, never what it was.
    throw new ConfigError(name, `(hidden, ${raw.length} characters)`, '8 to 512 visible ASCII characters (no spaces)');
  }
  return raw;
}

/** The machine's host name, when it is fit for a header (it always is on Linux); else "unknown". */
function podFallback(): string {
  const name = hostname();
  return isHeaderToken(name) ? name : 'unknown';
}

/** The variables every service reads; each service adds its own on top. */
export function readKitConfig(env: Env, service: ServiceName): KitConfig {
  const drainSeconds = readDecimal(env, 'DRAIN_SECONDS', 5, 0, 300);
  const shutdownTimeoutSeconds = readDecimal(env, 'SHUTDOWN_TIMEOUT_SECONDS', 25, 1, 600);
  if (shutdownTimeoutSeconds <= drainSeconds) {
    throw new ConfigError(
      'SHUTDOWN_TIMEOUT_SECONDS',
      String(shutdownTimeoutSeconds),
      `more than DRAIN_SECONDS (${drainSeconds})`,
    );
  }
  const seedRaw = readRaw(env, 'FACES_SEED');
  return Object.freeze({
    service,
    host: readRaw(env, 'HOST') ?? '0.0.0.0',
    port: readInt(env, 'PORT', 8000, 0, 65535),
    logLevel: readChoice(env, 'LOG_LEVEL', 'info', LOG_LEVELS),
    pod: readHeaderValue(env, 'HOST_IP') ?? readHeaderValue(env, 'HOSTNAME') ?? podFallback(),
    seed: seedRaw === undefined ? undefined : readInt(env, 'FACES_SEED', 0, 0, Number.MAX_SAFE_INTEGER),
    faults: Object.freeze({
      errorFraction: readPercent(env, 'ERROR_FRACTION'),
      latchFraction: readPercent(env, 'LATCH_FRACTION'),
      delayBuckets: readDelayBuckets(env, 'DELAY_BUCKETS'),
      maxRate: readDecimal(env, 'MAX_RATE', 0, 0, 1_000_000),
      latchIdleSeconds: readDecimal(env, 'LATCH_IDLE_SECONDS', 30, 0.001, 86_400),
    }),
    drainSeconds,
    shutdownTimeoutSeconds,
    requestTimeoutMs: readInt(env, 'REQUEST_TIMEOUT_MS', 10_000, 100, 300_000),
    keepAliveTimeoutMs: readInt(env, 'KEEP_ALIVE_TIMEOUT_MS', 65_000, 100, 900_000),
    controlToken: readToken(env, 'CONTROL_TOKEN'),
  });
}

/** FACES_SERVICE, for `faces` with no argument (how the container image runs). */
export function readServiceName(env: Env): ServiceName {
  const raw = readRaw(env, 'FACES_SERVICE');
  if (raw === undefined || !(SERVICE_NAMES as readonly string[]).includes(raw)) {
    throw new ConfigError('FACES_SERVICE', raw ?? '', `one of ${SERVICE_NAMES.join(', ')}`);
  }
  return raw as ServiceName;
}
