import { ConfigError } from './config-error.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** The raw value, trimmed; an empty value counts as unset (Kubernetes and compose often set ""). */
export function readRaw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

const INTEGER = /^[0-9]+$/;
const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;

export function readInt(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = readRaw(env, name);
  if (raw === undefined) return def;
  const value = Number(raw);
  if (!INTEGER.test(raw) || value < min || value > max) {
    throw new ConfigError(name, raw, `an integer from ${min} to ${max}`);
  }
  return value;
}

export function readPercent(env: Env, name: string, def = 0): number {
  const raw = readRaw(env, name);
  if (raw === undefined) return def;
  const value = Number(raw);
  if (!INTEGER.test(raw) || value > 100) {
    throw new ConfigError(name, raw, 'an integer percent from 0 to 100');
  }
  return value;
}

export function readDecimal(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = readRaw(env, name);
  if (raw === undefined) return def;
  const value = Number(raw);
  if (!DECIMAL.test(raw) || value < min || value > max) {
    throw new ConfigError(name, raw, `a decimal number from ${min} to ${max}`);
  }
  return value;
}

const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);

/** Accepts both the original 0.8 spellings (yes) and HEAD's (1, true). */
export function readBool(env: Env, name: string, def: boolean): boolean {
  const raw = readRaw(env, name);
  if (raw === undefined) return def;
  const lower = raw.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  throw new ConfigError(name, raw, 'true or false (also yes/no, 1/0, on/off)');
}

export function readChoice<T extends string>(env: Env, name: string, def: T, choices: readonly T[]): T {
  const raw = readRaw(env, name);
  if (raw === undefined) return def;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(name, raw, `one of ${choices.join(', ')}`);
  }
  return raw as T;
}

export const MAX_DELAY_MS = 60_000;

export function readDelayBuckets(env: Env, name: string): readonly number[] {
  const raw = readRaw(env, name);
  if (raw === undefined) return [];
  const items = raw.split(',').map((item) => item.trim());
  const buckets = items.map(Number);
  const valid = items.every((item, i) => INTEGER.test(item) && (buckets[i] ?? Infinity) <= MAX_DELAY_MS);
  if (!valid) {
    throw new ConfigError(name, raw, `comma-separated whole milliseconds from 0 to ${MAX_DELAY_MS}, e.g. 0,5,10,1500`);
  }
  return Object.freeze(buckets);
}

export interface ServiceAddress {
  readonly host: string;
  readonly port: number;
  /** http://host:port, ready for an HTTP client. */
  readonly origin: string;
}

const HOSTNAME = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/;

/** `host`, `host:port` or `http://host:port`; a bare host means port 80 (the Kubernetes Service port). */
export function readServiceAddress(env: Env, name: string, def: string): ServiceAddress {
  const raw = readRaw(env, name) ?? def;
  const allowed = 'host, host:port or http://host:port (port 1-65535)';
  const withoutScheme = raw.startsWith('http://') ? raw.slice('http://'.length).replace(/\/$/, '') : raw;
  const match = /^(\[[^\]]+\]|[^:/]+)(?::([0-9]+))?$/.exec(withoutScheme);
  const host = match?.[1];
  const port = match?.[2] === undefined ? 80 : Number(match[2]);
  if (host === undefined || !HOSTNAME.test(host) || port < 1 || port > 65535 || !isUrlHost(host)) {
    throw new ConfigError(name, raw, allowed);
  }
  return Object.freeze({ host, port, origin: `http://${host}:${port}` });
}

/** The WHATWG URL parser refuses some hosts the pattern lets through (999.1.1.1, 1.2.3.4.5, [:::]). */
function isUrlHost(host: string): boolean {
  try {
    new URL(`http://${host}/`);
    return true;
  } catch {
    return false;
  }
}

/** Visible ASCII only: the value goes out in a response header, where anything else is refused. */
const HEADER_TOKEN = /^[\x21-\x7e]{1,253}$/;

export function isHeaderToken(value: string): boolean {
  return HEADER_TOKEN.test(value);
}

/** A value sent as a header on every answer (X-Faces-Pod), checked now rather than on each request. */
export function readHeaderValue(env: Env, name: string): string | undefined {
  const raw = readRaw(env, name);
  if (raw !== undefined && !isHeaderToken(raw)) {
    throw new ConfigError(name, raw, 'up to 253 visible ASCII characters (no spaces or control characters)');
  }
  return raw;
}
