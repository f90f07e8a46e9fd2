import { parseArgs } from 'node:util';
import { fail, ok, type Result } from '@faces/kit/result';

/**
 * `faces check`: is a Faces install working? What the chart's `helm test` pod runs. It asks each
 * --ready service for /readyz, then asks the GUI for faces (through its /face/ forward, so the
 * GUI, face, smiley and color all take part) until one comes back whole: 200, a smiley and a
 * color, no errors. Faults are on by default (20 % errors, delays), so one failed face proves
 * nothing; --tries of them all failing does. The first failure is one line on stderr, exit 1.
 */
export const CHECK_USAGE =
  'usage: faces check [--gui URL] [--ready URL]... [--tries N] [--timeout-ms MS]\n' +
  '  --gui         the GUI whose /face/ must give a whole face (default http://faces-gui)\n' +
  '  --ready       a service whose /readyz must answer 200 (repeat it)\n' +
  '  --tries       faces asked for before giving up (default 20, 1-1000)\n' +
  '  --timeout-ms  how long each request may take (default 5000, 100-60000)\n';

export interface CheckOptions {
  readonly gui: URL;
  readonly ready: readonly URL[];
  readonly tries: number;
  readonly timeoutMs: number;
}

/** The options, `'help'`, or a one-line reason. */
export type CheckParse = Result<CheckOptions | 'help'>;

function httpUrl(flag: string, value: string): URL | string {
  let url: URL;
  try {
    url = new URL(value.includes('://') ? value : `http://${value}`);
  } catch {
    return `${flag} must be a URL such as http://faces-gui, was ${JSON.stringify(value)}`;
  }
  return url.protocol === 'http:' ? url : `${flag} must be http://, was ${JSON.stringify(value)}`;
}

function whole(flag: string, value: string | undefined, fallback: number, min: number, max: number): number | string {
  if (value === undefined) return fallback;
  const n = /^[0-9]{1,6}$/.test(value) ? Number(value) : Number.NaN;
  return n >= min && n <= max
    ? n
    : `${flag} must be a whole number from ${min} to ${max}, was ${JSON.stringify(value)}`;
}

/** `faces check` arguments → what to check, or a one-line reason. */
export function parseCheckArgs(args: readonly string[]): CheckParse {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return ok('help');
  if (positionals.length > 0) return fail(`unexpected arguments: ${positionals.join(' ')}`);
  const gui = httpUrl('--gui', values.gui ?? 'http://faces-gui');
  if (typeof gui === 'string') return fail(gui);
  const ready: URL[] = [];
  for (const value of values.ready ?? []) {
    const url = httpUrl('--ready', value);
    if (typeof url === 'string') return fail(url);
    ready.push(url);
  }
  const tries = whole('--tries', values.tries, 20, 1, 1000);
  if (typeof tries === 'string') return fail(tries);
  const timeoutMs = whole('--timeout-ms', values['timeout-ms'], 5000, 100, 60_000);
  if (typeof timeoutMs === 'string') return fail(timeoutMs);
  return ok({ gui, ready, tries, timeoutMs });
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      gui: { type: 'string' },
      ready: { type: 'string', multiple: true },
      tries: { type: 'string' },
      'timeout-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** The most of a body read: a face is well under 1 KiB. */
const MAX_BODY_CHARACTERS = 4096;

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'no answer in time';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function get(url: URL, timeoutMs: number): Promise<{ status: number; degraded: string | null; body: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  const body = (await response.text()).slice(0, MAX_BODY_CHARACTERS);
  return { status: response.status, degraded: response.headers.get('x-faces-degraded'), body };
}

/** Why this answer is not a whole face, or undefined when it is one. */
function notWhole(answer: { status: number; degraded: string | null; body: string }): string | undefined {
  if (answer.status !== 200) return `answered ${answer.status}`;
  if (answer.degraded !== null) return `a face degraded by ${answer.degraded}`;
  let face: { smiley?: unknown; color?: unknown; errors?: unknown };
  try {
    face = JSON.parse(answer.body) as typeof face;
  } catch {
    return 'an answer that is not JSON';
  }
  if (typeof face.smiley !== 'string' || typeof face.color !== 'string') return 'an answer without smiley and color';
  if (Array.isArray(face.errors) && face.errors.length > 0) return `a face with errors: ${String(face.errors[0])}`;
  return undefined;
}

/** Runs the checks; resolves with the line to print: the success line, or the reason it failed. */
export async function runChecks(options: CheckOptions): Promise<Result<string>> {
  for (const service of options.ready) {
    const url = new URL('/readyz', service);
    try {
      const answer = await get(url, options.timeoutMs);
      if (answer.status !== 200) return fail(`${url.href} answered ${answer.status}`);
    } catch (error) {
      return fail(`cannot reach ${url.href}: ${reason(error)}`);
    }
  }
  const faceUrl = new URL('face/', options.gui.href.endsWith('/') ? options.gui : `${options.gui.href}/`);
  let last = '';
  for (let attempt = 1; attempt <= options.tries; attempt++) {
    try {
      const why = notWhole(await get(faceUrl, options.timeoutMs));
      if (why === undefined) {
        const ready = options.ready.length === 0 ? '' : `, ${options.ready.length} services ready`;
        return ok(`a whole face from ${faceUrl.href} on try ${attempt}${ready}`);
      }
      last = why;
    } catch (error) {
      last = `cannot reach it: ${reason(error)}`;
    }
  }
  return fail(`no whole face from ${faceUrl.href} in ${options.tries} tries; the last: ${last}`);
}

/** `faces check`: exit 0 with one line on stdout, or 1 with one line on stderr (2: bad arguments). */
export async function checkCommand(args: readonly string[], proc: NodeJS.Process): Promise<void> {
  const parsed = parseCheckArgs(args);
  if (!parsed.ok) {
    proc.stderr.write(`faces check: ${parsed.reason}\n${CHECK_USAGE}`);
    proc.exitCode = 2;
    return;
  }
  if (parsed.value === 'help') {
    proc.stdout.write(CHECK_USAGE);
    return;
  }
  const result = await runChecks(parsed.value);
  if (result.ok) proc.stdout.write(`faces check: ${result.value}\n`);
  else {
    proc.stderr.write(`faces check: ${result.reason}\n`);
    proc.exitCode = 1;
  }
}
