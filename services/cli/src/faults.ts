import { ConfigError, readToken } from '@faces/kit';
import { FAULTS_USAGE, type FaultsOptions, parseFaultsArgs } from './faults-args.js';
import { asFaultsView, faultsTable } from './faults-table.js';

const TIMEOUT_MS = 10_000;

function request(options: FaultsOptions, token: string): Request {
  const url = new URL(options.url);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (options.reset) {
    if (options.user !== undefined) url.searchParams.set('user', options.user);
    return new Request(url, { method: 'DELETE', headers });
  }
  if (Object.keys(options.settings).length === 0) return new Request(url, { headers });
  const body = { ...options.settings, ...(options.user === undefined ? {} : { user: options.user }) };
  return new Request(url, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The one line an answer's `{"error": …}` gives, or its status alone. */
function refusal(status: number, text: string): string {
  try {
    const { error } = JSON.parse(text) as { error?: unknown };
    if (typeof error === 'string') return `${status}: ${error}`;
  } catch {
    // not JSON: the status says it
  }
  return `${status}`;
}

/**
 * `faces faults`: GET (no setting flag), PUT (setting flags) or DELETE (--reset) on a service's
 * /faults with FACES_CONTROL_TOKEN, then the settings as a table. Exit 0, 1 when the service
 * refused or could not be reached, 2 for bad arguments.
 */
export async function faultsCommand(args: readonly string[], proc: NodeJS.Process): Promise<void> {
  const parsed = parseFaultsArgs(args);
  const fail = (code: number, message: string) => {
    proc.stderr.write(`faces faults: ${message}\n`);
    proc.exitCode = code;
  };
  if (!parsed.ok) return fail(2, parsed.reason);
  if (parsed.value === 'help') {
    proc.stdout.write(FAULTS_USAGE);
    return;
  }
  let token: string | undefined;
  try {
    token = readToken(proc.env, 'FACES_CONTROL_TOKEN');
  } catch (error) {
    if (error instanceof ConfigError) return fail(2, error.message);
    throw error;
  }
  if (token === undefined) return fail(2, 'FACES_CONTROL_TOKEN is not set: the service needs its CONTROL_TOKEN');
  const options: FaultsOptions = parsed.value;
  let response: Response;
  let text: string;
  try {
    response = await fetch(request(options, token), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return fail(
      1,
      `cannot reach ${options.url.href}: ${cause ?? (error instanceof Error ? error.message : String(error))}`,
    );
  }
  if (response.status === 404)
    return fail(1, `404: ${options.url.href} has no fault control (is CONTROL_TOKEN set there?)`);
  if (!response.ok) return fail(1, refusal(response.status, text));
  let view: ReturnType<typeof asFaultsView>;
  try {
    view = asFaultsView(JSON.parse(text));
  } catch {
    view = undefined;
  }
  if (view === undefined)
    return fail(1, `${options.url.href} answered ${response.status} with something that is not fault settings`);
  proc.stdout.write(`${options.url.href}\n${faultsTable(view)}`);
}
