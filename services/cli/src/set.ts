import { grpcStatusName } from '@faces/kit';
import { fail, ok, type Result } from '@faces/kit/result';
import { parseSetArgs, SET_USAGE, type SetOptions } from './set-args.js';

/** How long `faces set` waits for the service's answer. */
const ANSWER_TIMEOUT_MS = 10_000;

/** The service's answer (printed on stdout), or its refusal or why nothing was sent (stderr, exit 1). */
type Sent = Result<string>;

async function sendHttp(options: SetOptions): Promise<Sent> {
  const response = await fetch(options.target, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ which: options.which, [options.service]: options.value }),
    signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
  });
  const text = await response.text();
  if (response.ok) return ok(text);
  let message = text;
  try {
    const { error } = JSON.parse(text) as { error?: unknown };
    if (typeof error === 'string') message = error;
  } catch {
    // Not JSON: the text itself is the message.
  }
  return fail(`${options.target.origin} answered ${response.status}: ${message.trim()}`);
}

async function sendGrpc(options: SetOptions): Promise<Sent> {
  // Loaded only for --grpc: the HTTP path needs none of it.
  const [{ ConnectError, createClient }, { createGrpcTransport }, { ColorService }] = await Promise.all([
    import('@connectrpc/connect'),
    import('@connectrpc/connect-node'),
    import('@faces/kit/color-rpc'),
  ]);
  const client = createClient(ColorService, createGrpcTransport({ baseUrl: options.target.origin }));
  try {
    const answer = await client.updateColor(
      { which: options.which, color: options.value },
      { timeoutMs: ANSWER_TIMEOUT_MS },
    );
    return ok(JSON.stringify({ which: answer.which, color: answer.color }));
  } catch (error) {
    const failure = ConnectError.from(error);
    return fail(`${options.target.origin} answered gRPC ${grpcStatusName(failure.code)}: ${failure.rawMessage}`);
  }
}

/** `faces set smiley|color <value>`: changes a running smiley or color, prints its answer. */
export async function setCommand(args: readonly string[], proc: NodeJS.Process): Promise<void> {
  const parsed = parseSetArgs(args);
  if (!parsed.ok) {
    proc.stderr.write(`faces set: ${parsed.reason}\n${SET_USAGE}`);
    proc.exitCode = 2;
    return;
  }
  if (parsed.value === 'help') {
    proc.stdout.write(SET_USAGE);
    return;
  }
  const options = parsed.value;
  let sent: Sent;
  try {
    sent = options.grpc ? await sendGrpc(options) : await sendHttp(options);
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    sent = fail(`cannot reach ${options.target.origin}: ${cause?.message ?? (error as Error).message}`);
  }
  if (sent.ok) proc.stdout.write(`${sent.value}\n`);
  else {
    proc.stderr.write(`faces set: ${sent.reason}\n`);
    proc.exitCode = 1;
  }
}
