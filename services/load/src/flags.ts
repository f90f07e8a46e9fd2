import { fail, ok, type Result } from '@faces/kit/result';
import { parseGoDuration } from './duration.js';
import {
  MAX_BODY_BYTES,
  MAX_CPUS,
  MAX_DURATION_MS,
  MAX_HEADER_BYTES,
  MAX_RATE_PER_WORKER,
  MAX_REQUESTS,
  MAX_TIMEOUT_SECONDS,
  MAX_WORKERS,
} from './limits.js';

/** What one load run does; `parseLoadArgs` builds it from hey-style arguments. */
export interface LoadOptions {
  readonly url: URL;
  readonly method: string;
  /** Header names as given; `host` is set by -host. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** -c: workers, each with one request in flight at most. */
  readonly workers: number;
  /** -n: total requests; ignored when durationMs > 0 (as in hey). */
  readonly requests: number;
  /** -z: run for this long; 0 means "send -n requests". */
  readonly durationMs: number;
  /** -q: requests per second per worker; 0 means as fast as answers come back. */
  readonly ratePerWorker: number;
  /** -t: per-request timeout; 0 means none. */
  readonly timeoutMs: number;
  readonly json: boolean;
  /** --fail-under: exit non-zero when the success rate (percent) is below this. */
  readonly failUnder: number | undefined;
}

/** `hey` accepts hey's flags only (so a command that works here works with real hey); `faces` adds ours. */
export type Dialect = 'hey' | 'faces';

/** The options, `'help'`, or a one-line reason. */
export type ParseOutcome = Result<LoadOptions | 'help'>;

type Kind = 'string' | 'int' | 'float' | 'duration' | 'bool' | 'header' | 'percent';

interface FlagSpec {
  readonly kind: Kind;
  readonly dialects: readonly Dialect[];
  readonly help: string;
}

const BOTH: readonly Dialect[] = ['hey', 'faces'];

/** The flags we take, with hey's single-dash names (Go's flag package: -name, --name, -name=value). */
const FLAGS: Readonly<Record<string, FlagSpec>> = {
  n: { kind: 'int', dialects: BOTH, help: 'Number of requests to run. Default is 200.' },
  c: { kind: 'int', dialects: BOTH, help: 'Number of workers to run concurrently. Default is 50.' },
  q: {
    kind: 'float',
    dialects: BOTH,
    help: 'Rate limit, in queries per second (QPS) per worker. Default is no limit.',
  },
  z: { kind: 'duration', dialects: BOTH, help: 'Duration to send requests (e.g. 10s, 3m); -n is then ignored.' },
  m: { kind: 'string', dialects: BOTH, help: 'HTTP method: GET, POST, PUT, DELETE, HEAD, OPTIONS.' },
  H: { kind: 'header', dialects: BOTH, help: "Custom HTTP header, repeatable: -H 'Accept: text/html'." },
  t: { kind: 'int', dialects: BOTH, help: 'Timeout for each request in seconds. Default is 20, 0 for infinite.' },
  d: { kind: 'string', dialects: BOTH, help: 'HTTP request body.' },
  A: { kind: 'string', dialects: BOTH, help: 'HTTP Accept header.' },
  T: { kind: 'string', dialects: BOTH, help: 'Content-type.' },
  U: { kind: 'string', dialects: BOTH, help: 'User-Agent.' },
  host: { kind: 'string', dialects: BOTH, help: 'HTTP Host header.' },
  cpus: { kind: 'int', dialects: BOTH, help: 'Accepted for hey compatibility; has no effect.' },
  json: { kind: 'bool', dialects: ['faces'], help: 'Print the summary as JSON.' },
  'fail-under': { kind: 'percent', dialects: ['faces'], help: 'Exit 1 when the success rate is below PCT.' },
};

/** hey flags we know and refuse, so the message says so instead of "not defined". */
const UNSUPPORTED_HEY_FLAGS = new Set([
  'D',
  'a',
  'o',
  'x',
  'h2',
  'disable-compression',
  'disable-keepalive',
  'disable-redirects',
]);

/** The whole-number flags and what each allows (limits.ts says why). */
const INT_RANGES: Readonly<Record<string, { readonly min: number; readonly max: number }>> = {
  n: { min: 0, max: MAX_REQUESTS },
  c: { min: 1, max: MAX_WORKERS },
  t: { min: 0, max: MAX_TIMEOUT_SECONDS },
  cpus: { min: 0, max: MAX_CPUS },
};

const HEADER = /^([\w-]+):\s*(.+)$/;
const METHOD = /^[A-Za-z]+$/;
/** Go's strconv.ParseFloat decimal forms: 2, 2.5, .5, 2., 1e3. */
const FLOAT = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
/** Longer values are cut in messages, so a refusal stays one short line whatever it was sent. */
const SHOWN_CHARS = 32;

export function usage(dialect: Dialect): string {
  const command = dialect === 'hey' ? 'hey' : 'faces load';
  const lines = Object.entries(FLAGS)
    .filter(([, spec]) => spec.dialects.includes(dialect))
    // hey's own long flags keep their single dash (-host); ours are spelled GNU-style (--json).
    .map(([name, spec]) => `  ${`${spec.dialects.length === 1 ? '--' : '-'}${name}`.padEnd(13)} ${spec.help}`);
  return `usage: ${command} [flags] <url>\n\n${lines.join('\n')}\n`;
}

interface Raw {
  n: number;
  c: number;
  q: number;
  z: number;
  t: number;
  m: string;
  d: string | undefined;
  headers: Record<string, string>;
  json: boolean;
  failUnder: number | undefined;
}

/**
 * Parses `[flags] <url>` the way hey's Go `flag` package does: flags before the URL, one or two
 * dashes, `-name value` or `-name=value`, booleans only as `-json` or `-json=true`. Pure.
 */
export function parseLoadArgs(args: readonly string[], dialect: Dialect): ParseOutcome {
  const raw: Raw = {
    n: 200,
    c: 50,
    q: 0,
    z: 0,
    t: 20,
    m: 'GET',
    d: undefined,
    headers: {},
    json: false,
    failUnder: undefined,
  };
  let index = 0;
  while (index < args.length) {
    const arg = args[index] ?? '';
    if (arg.length < 2 || !arg.startsWith('-')) break;
    index++;
    if (arg === '--') break;
    const dashes = arg.startsWith('--') ? 2 : 1;
    const spelled = arg.slice(dashes);
    if (spelled === '' || spelled.startsWith('-') || spelled.startsWith('=')) {
      return error(`bad flag syntax: ${cut(arg)}`);
    }
    const equals = spelled.indexOf('=');
    const name = equals === -1 ? spelled : spelled.slice(0, equals);
    let value = equals === -1 ? undefined : spelled.slice(equals + 1);
    if (name === 'help' || (name === 'h' && dialect === 'faces')) return ok('help');
    if (name === 'h') return error('flag -h is deprecated, please use -H instead');
    const spec = Object.hasOwn(FLAGS, name) ? FLAGS[name] : undefined;
    if (spec === undefined || !spec.dialects.includes(dialect)) {
      if (UNSUPPORTED_HEY_FLAGS.has(name)) return error(`flag -${name} (a hey flag) is not supported by faces load`);
      return error(`flag provided but not defined: -${cut(name)}`);
    }
    if (spec.kind === 'bool') {
      if (
        value !== undefined &&
        !['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(value)
      ) {
        return error(`invalid boolean value ${shown(value)} for -${name}`);
      }
      raw.json = value === undefined || ['true', '1', 't', 'TRUE', 'True'].includes(value);
      continue;
    }
    if (value === undefined) {
      if (index >= args.length) return error(`flag needs an argument: -${name}`);
      value = args[index++] ?? '';
    }
    const problem = apply(raw, name, spec.kind, value);
    if (problem !== undefined) return error(`invalid value ${shown(value)} for flag -${name}: ${problem}`);
  }
  const rest = args.slice(index);
  const target = rest[0];
  if (target === undefined) return error('a URL is required');
  if (rest.length > 1) {
    return error(`flags go before the URL: unexpected ${shown(rest[1] ?? '')} after ${shown(target)}`);
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return error(`invalid URL ${shown(target)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return error(`the URL must start with http:// or https://, got ${shown(target)}`);
  }
  // -c is at least 1 already (INT_RANGES); -n may be 0 because -z makes hey ignore it.
  if (raw.z === 0) {
    if (raw.n < 1) return error('-n cannot be smaller than 1');
    if (raw.n < raw.c) return error('-n cannot be less than -c');
  }
  return ok(
    Object.freeze({
      url,
      method: raw.m.toUpperCase(),
      headers: Object.freeze(raw.headers),
      body: raw.d,
      workers: raw.c,
      requests: raw.n,
      durationMs: raw.z,
      ratePerWorker: raw.q,
      timeoutMs: raw.t * 1000,
      json: raw.json,
      failUnder: raw.failUnder,
    }),
  );
}

function error(message: string): ParseOutcome {
  return fail(message);
}

/** A flag as typed, for a message: unquoted as Go prints it, escaped to one line and cut when long. */
function cut(text: string): string {
  const line = JSON.stringify(text).slice(1, -1);
  return line.length <= SHOWN_CHARS ? line : `${line.slice(0, SHOWN_CHARS)}…`;
}

/** A value quoted for a message: as JSON (one line whatever it holds), cut when long. */
export function shown(value: string): string {
  if (value.length <= SHOWN_CHARS) return JSON.stringify(value);
  return `${JSON.stringify(`${value.slice(0, SHOWN_CHARS)}…`)} (${Buffer.byteLength(value)} bytes)`;
}

/** Sets one flag's value; returns what is wrong with it, if anything. */
function apply(raw: Raw, name: string, kind: Kind, value: string): string | undefined {
  switch (kind) {
    case 'int': {
      const range = INT_RANGES[name] ?? { min: 0, max: 0 };
      const number = Number(value);
      if (!/^[0-9]+$/.test(value) || number < range.min || number > range.max) {
        return `want a whole number from ${range.min} to ${range.max}`;
      }
      if (name === 'n') raw.n = number;
      else if (name === 'c') raw.c = number;
      else if (name === 't') raw.t = number;
      return undefined;
    }
    case 'float': {
      const number = Number(value);
      if (!FLOAT.test(value) || number > MAX_RATE_PER_WORKER) {
        return `want a number from 0 to ${MAX_RATE_PER_WORKER} (requests per second per worker; 0 is no limit)`;
      }
      raw.q = number;
      return undefined;
    }
    case 'percent': {
      const number = Number(value);
      if (!/^[0-9]+(\.[0-9]+)?$/.test(value) || number > 100) return 'want a percent from 0 to 100';
      raw.failUnder = number;
      return undefined;
    }
    case 'duration': {
      const ms = parseGoDuration(value);
      if (ms === undefined || ms < 0 || ms > MAX_DURATION_MS) {
        return `want a duration from 0 to ${MAX_DURATION_MS / 3_600_000}h, such as 30s, 2m or 1h30m`;
      }
      raw.z = ms;
      return undefined;
    }
    case 'header': {
      const match = HEADER.exec(value);
      if (match?.[1] === undefined || match[2] === undefined) return "want 'Name: value'";
      return setHeader(raw.headers, match[1], match[2].trim());
    }
    case 'string':
      return applyString(raw, name, value);
    default:
      return 'unexpected flag kind';
  }
}

/** hey's flags that each set one header. */
const HEADER_FLAGS: Readonly<Record<string, string>> = {
  A: 'Accept',
  T: 'Content-Type',
  U: 'User-Agent',
  host: 'Host',
};

function applyString(raw: Raw, name: string, value: string): string | undefined {
  const header = HEADER_FLAGS[name];
  if (header !== undefined) return setHeader(raw.headers, header, value);
  if (name === 'd') {
    if (Buffer.byteLength(value) > MAX_BODY_BYTES) {
      return `want a body of at most ${MAX_BODY_BYTES} bytes (${MAX_BODY_BYTES / 1024} KiB)`;
    }
    raw.d = value;
  } else if (name === 'm') {
    if (!METHOD.test(value)) return 'want an HTTP method such as GET or POST';
    raw.m = value;
  }
  return undefined;
}

/**
 * Like Go's Header.Set: a later value replaces an earlier one whatever the case of the name.
 * Returns what is wrong when the headers would pass MAX_HEADER_BYTES, and then sets nothing.
 */
function setHeader(headers: Record<string, string>, name: string, value: string): string | undefined {
  let bytes = Buffer.byteLength(`${name}: ${value}\r\n`);
  for (const [existing, set] of Object.entries(headers)) {
    if (existing.toLowerCase() !== name.toLowerCase()) bytes += Buffer.byteLength(`${existing}: ${set}\r\n`);
  }
  if (bytes > MAX_HEADER_BYTES) {
    return `want headers of at most ${MAX_HEADER_BYTES} bytes (${MAX_HEADER_BYTES / 1024} KiB) in all; with this one they come to ${bytes}`;
  }
  for (const existing of Object.keys(headers)) {
    if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
  }
  headers[name] = value;
  return undefined;
}
