import { type ParseArgsOptionDescriptor, parseArgs } from 'node:util';
import { fail, ok, type Result } from '@faces/kit/result';

/** What one `faces faults` run does. */
export interface FaultsOptions {
  /** The control URL: the target's /faults (or a GUI's or face's /faults/<service>). */
  readonly url: URL;
  readonly user: string | undefined;
  /** Settings to PUT, by API field, as given (the service validates them, with its messages). */
  readonly settings: Readonly<Record<string, string>>;
  readonly reset: boolean;
}

/** The options, `'help'`, or a one-line reason. */
export type FaultsParse = Result<FaultsOptions | 'help'>;

/** Each setting flag and the API field it sets. */
const SETTING_FLAGS: Readonly<Record<string, string>> = {
  'error-fraction': 'errorFraction',
  'latch-fraction': 'latchFraction',
  'delay-buckets': 'delayBuckets',
  'max-rate': 'maxRate',
};
const OPTIONS = {
  target: { type: 'string' },
  user: { type: 'string' },
  'error-fraction': { type: 'string' },
  'latch-fraction': { type: 'string' },
  'delay-buckets': { type: 'string' },
  'max-rate': { type: 'string' },
  reset: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, ParseArgsOptionDescriptor>;

export const FAULTS_USAGE = `usage: faces faults --target URL [--user U] [--error-fraction N] [--latch-fraction N]
                    [--delay-buckets MS,MS,…] [--max-rate R] [--reset]

Shows (no setting flag), replaces (setting flags) or resets (--reset) a service's live fault
settings through its /faults API, then prints them as a table. --user targets one X-Faces-User.
The token comes from FACES_CONTROL_TOKEN. URL is the service (http://smiley.faces), or a control
path on the way to it (http://faces-gui.faces/faults/smiley).
`;

/** A service URL gets /faults; a URL already on a control path is used as it is. */
export function controlUrl(target: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!/\/faults(\/[a-z]+)?\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '')}/faults`;
  return url;
}

/**
 * `--name value` or `--name=value`; the service checks the values, so its messages are the ones
 * shown. parseArgs reads the arguments loosely (its tokens), so that each refusal names the
 * argument as the user typed it.
 */
export function parseFaultsArgs(args: readonly string[]): FaultsParse {
  const { tokens } = parseArgs({
    args: [...args],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values = new Map<string, string>();
  let reset = false;
  for (const token of tokens) {
    if (token.kind === 'option' && token.name === 'help' && token.value === undefined) return ok('help');
  }
  for (const token of tokens) {
    if (token.kind !== 'option' || !Object.hasOwn(OPTIONS, token.name)) {
      return fail(`unknown argument ${JSON.stringify(args[token.index])} (see faces faults --help)`);
    }
    const { name, value } = token;
    if (OPTIONS[name as keyof typeof OPTIONS].type === 'boolean') {
      if (value !== undefined)
        return fail(`unknown argument ${JSON.stringify(args[token.index])} (see faces faults --help)`);
      reset = true;
      continue;
    }
    if (value === undefined) return fail(`--${name} needs a value`);
    if (values.has(name)) return fail(`--${name} is given twice`);
    values.set(name, value);
  }
  const target = values.get('target');
  if (target === undefined) return fail('--target URL is required (see faces faults --help)');
  const url = controlUrl(target);
  if (url === undefined) return fail(`--target ${JSON.stringify(target)} is not an http:// or https:// URL`);
  const settings: Record<string, string> = {};
  for (const [flag, field] of Object.entries(SETTING_FLAGS)) {
    const value = values.get(flag);
    if (value !== undefined) settings[field] = value;
  }
  if (reset && Object.keys(settings).length > 0) {
    return fail('--reset restores the environment: it takes no setting flags');
  }
  return ok({ url, user: values.get('user'), settings, reset });
}
