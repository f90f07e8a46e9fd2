import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { TestContext } from 'node:test';

/** `faces all` running: its printout, parsed, and a way to stop it. */
export interface RunningAll {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  /** The GUI's URL, http://127.0.0.1:PORT/ */
  readonly url: string;
  /** Each service's printed URL, by name (gui, face, smiley, color). */
  readonly services: Readonly<Record<string, string>>;
  /** The tour's printed commands, one per line. */
  readonly tour: readonly string[];
  readonly output: () => { stdout: string; stderr: string };
  /** SIGINT to its process group; resolves with the exit code. */
  readonly stop: () => Promise<number | null>;
}

/**
 * Runs `command args` (which starts `faces all`: node and the bundle, npm exec, the executable)
 * in its own process group and resolves once the whole printout is there.
 */
export async function startFacesAll(
  t: TestContext,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<RunningAll> {
  const child = spawn(command, args, { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const kill = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined)
      process.kill(-child.pid, signal);
  };
  t.after(() => kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timeoutMs = options.timeoutMs ?? 30_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no tour within ${timeoutMs} ms\n${stdout}\n${stderr}`)),
      timeoutMs,
    );
    exited.then((code) => reject(new Error(`exited with ${code} before the tour\n${stdout}\n${stderr}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // The load command is the tour's last line.
      if (/ load .*\n/.test(stdout)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const services: Record<string, string> = {};
  for (const match of stdout.matchAll(/^ {2}(gui|face|smiley|color) +(http:\/\/\S+)/gm)) {
    if (match[1] !== undefined && match[2] !== undefined) services[match[1]] = match[2];
  }
  const url = services.gui;
  if (url === undefined) throw new Error(`no gui URL in\n${stdout}`);
  const tour = stdout
    .slice(stdout.indexOf('The tour'))
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    child,
    url,
    services,
    tour,
    output: () => ({ stdout, stderr }),
    stop: async () => {
      kill('SIGINT');
      return exited;
    },
  };
}
