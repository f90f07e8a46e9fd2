/** What one `faces faults` run does. */
export interface FaultsOptions {
  /** The control URL: the target's /faults (or a GUI's or face's /faults/<service>). */
  readonly url: URL;
  readonly user: string | undefined;
  /** Settings to PUT, by API field, as given (the service validates them, with its messages). */
  readonly settings: Readonly<Record<string, string>>;
  readonly reset: boolean;
}

export type FaultsParse =
  | { readonly kind: 'options'; readonly options: FaultsOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

/** Each setting flag and the API field it sets. */
const SETTING_FLAGS: Readonly<Record<string, string>> = {
  'error-fraction': 'errorFraction',
  'latch-fraction': 'latchFraction',
  'delay-buckets': 'delayBuckets',
  'max-rate': 'maxRate',
};
const VALUE_FLAGS = new Set(['target', 'user', ...Object.keys(SETTING_FLAGS)]);

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

/** `--name value` or `--name=value`; the service checks the values, so its messages are the ones shown. */
export function parseFaultsArgs(args: readonly string[]): FaultsParse {
  const values = new Map<string, string>();
  let reset = false;
  // Each pass takes one or two arguments: the loop is bounded by the argument count.
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--reset') {
      reset = true;
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1];
    if (name === undefined || !VALUE_FLAGS.has(name)) {
      return { kind: 'error', message: `unknown argument ${JSON.stringify(arg)} (see faces faults --help)` };
    }
    const value = match?.[2] ?? args[++i];
    if (value === undefined) return { kind: 'error', message: `--${name} needs a value` };
    if (values.has(name)) return { kind: 'error', message: `--${name} is given twice` };
    values.set(name, value);
  }
  const target = values.get('target');
  if (target === undefined) return { kind: 'error', message: '--target URL is required (see faces faults --help)' };
  const url = controlUrl(target);
  if (url === undefined)
    return { kind: 'error', message: `--target ${JSON.stringify(target)} is not an http:// or https:// URL` };
  const settings: Record<string, string> = {};
  for (const [flag, field] of Object.entries(SETTING_FLAGS)) {
    const value = values.get(flag);
    if (value !== undefined) settings[field] = value;
  }
  if (reset && Object.keys(settings).length > 0) {
    return { kind: 'error', message: '--reset restores the environment: it takes no setting flags' };
  }
  return { kind: 'options', options: { url, user: values.get('user'), settings, reset } };
}
