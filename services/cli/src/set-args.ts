import { parseArgs } from 'node:util';
import { isWhich, WHICH_VALUES, type Which } from '@faces/kit';
import { fail, ok, type Result } from '@faces/kit/result';

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

/** The options, `'help'`, or a one-line reason. */
export type SetParse = Result<SetOptions | 'help'>;

/** `faces set` arguments → what to send, or a one-line reason. */
export function parseSetArgs(args: readonly string[]): SetParse {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return ok('help');
  const [service, value, ...rest] = positionals;
  if (service !== 'smiley' && service !== 'color') {
    return fail(`the first argument must be smiley or color, was ${JSON.stringify(service ?? '')}`);
  }
  if (value === undefined || value === '') return fail(`no ${service} given`);
  if (rest.length > 0) return fail(`unexpected arguments: ${rest.join(' ')}`);
  const which = values.which ?? 'all';
  if (!isWhich(which)) {
    return fail(`--which must be one of ${WHICH_VALUES.join(', ')}, was ${JSON.stringify(which)}`);
  }
  const grpc = values.grpc === true;
  if (grpc && service !== 'color') return fail('--grpc is for color only (smiley speaks HTTP)');
  const rawTarget = (values.target ?? DEFAULT_SET_TARGET).replace(/^grpc:\/\//, 'http://');
  let target: URL;
  try {
    target = new URL(rawTarget.includes('://') ? rawTarget : `http://${rawTarget}`);
  } catch {
    return fail(`--target must be a URL such as ${DEFAULT_SET_TARGET}, was ${JSON.stringify(values.target)}`);
  }
  if (target.protocol !== 'http:') {
    return fail(`--target must be http:// (or grpc:// with --grpc), was ${JSON.stringify(values.target)}`);
  }
  return ok({ service, value, which, target, grpc });
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
