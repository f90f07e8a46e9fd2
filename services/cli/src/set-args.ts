import { parseArgs } from 'node:util';
import { isWhich, WHICH_VALUES, type Which } from '@faces/kit';

/** Where `faces set` sends an update unless --target says otherwise (a port-forwarded service). */
export const DEFAULT_SET_TARGET = 'http://localhost:8000';

export const SET_USAGE =
  'usage: faces set smiley|color <value> [--which center|edge|all] [--target URL] [--grpc]\n' +
  '  --which   the cells to change (default all)\n' +
  `  --target  the service to update (default ${DEFAULT_SET_TARGET})\n` +
  '  --grpc    color only: send gRPC UpdateColor instead of an HTTP PUT\n';

export interface SetOptions {
  readonly service: 'smiley' | 'color';
  readonly value: string;
  readonly which: Which;
  /** The service's base URL, http://host:port (grpc:// is taken for --grpc and read as http://). */
  readonly target: URL;
  readonly grpc: boolean;
}

export type SetParse =
  | { readonly kind: 'options'; readonly options: SetOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

/** `faces set` arguments → what to send, or a one-line reason. */
export function parseSetArgs(args: readonly string[]): SetParse {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  const [service, value, ...rest] = positionals;
  if (service !== 'smiley' && service !== 'color') {
    return {
      kind: 'error',
      message: `the first argument must be smiley or color, was ${JSON.stringify(service ?? '')}`,
    };
  }
  if (value === undefined || value === '') return { kind: 'error', message: `no ${service} given` };
  if (rest.length > 0) return { kind: 'error', message: `unexpected arguments: ${rest.join(' ')}` };
  const which = values.which ?? 'all';
  if (!isWhich(which)) {
    return {
      kind: 'error',
      message: `--which must be one of ${WHICH_VALUES.join(', ')}, was ${JSON.stringify(which)}`,
    };
  }
  const grpc = values.grpc === true;
  if (grpc && service !== 'color') return { kind: 'error', message: '--grpc is for color only (smiley speaks HTTP)' };
  const rawTarget = (values.target ?? DEFAULT_SET_TARGET).replace(/^grpc:\/\//, 'http://');
  let target: URL;
  try {
    target = new URL(rawTarget.includes('://') ? rawTarget : `http://${rawTarget}`);
  } catch {
    return {
      kind: 'error',
      message: `--target must be a URL such as ${DEFAULT_SET_TARGET}, was ${JSON.stringify(values.target)}`,
    };
  }
  if (target.protocol !== 'http:') {
    return {
      kind: 'error',
      message: `--target must be http:// (or grpc:// with --grpc), was ${JSON.stringify(values.target)}`,
    };
  }
  return { kind: 'options', options: { service, value, which, target, grpc } };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      which: { type: 'string' },
      target: { type: 'string' },
      grpc: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
