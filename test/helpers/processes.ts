import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { forEachLine, listeningPort } from '@faces/kit';

/** The `faces` command as built by `npm run build` (the root package.json `bin`): the bundle. */
export const FACES_BIN = fileURLToPath(new URL('../../../services/cli/dist/bundle/faces.js', import.meta.url));

export interface RunningService {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Every stdout line so far (pino JSON). */
  readonly lines: string[];
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const QUIET_DEFAULTS = { HOST: '127.0.0.1', PORT: '0', DRAIN_SECONDS: '0', LOG_LEVEL: 'info' };

/** Environment for a child: the parent's PATH only, so a developer's own FACES_* never leak in. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, ...QUIET_DEFAULTS, ...env };
}

/**
 * Starts `faces <args>` on a free loopback port and resolves once it logs that it listens.
 * Stop it with `stop()` (tests register that with `t.after`).
 */
export function startFaces(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 15_000,
  nodeArgs: readonly string[] = [],
): Promise<RunningService> {
  return startNodeService(FACES_BIN, args, env, timeoutMs, nodeArgs);
}

/**
 * Starts a Node script that logs `"port":N,"msg":"faces <name> listening"` once it listens.
 * `nodeArgs` go to node itself (flags NODE_OPTIONS does not take, such as --cpu-prof).
 */
export async function startNodeService(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 15_000,
  nodeArgs: readonly string[] = [],
): Promise<RunningService> {
  return startProgram(process.execPath, [...nodeArgs, script], args, env, timeoutMs);
}

/** As startNodeService, for any program (such as the single executable): `command …before args`. */
export async function startProgram(
  command: string,
  before: readonly string[],
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<RunningService> {
  const child = spawn(command, [...before, ...args], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`faces ${args.join(' ')} did not listen in ${timeoutMs} ms\n${stderr}`)),
      timeoutMs,
    );
    forEachLine(child.stdout, (line) => {
      lines.push(line);
      const listening = listeningPort(line);
      if (listening !== undefined) {
        clearTimeout(timer);
        resolve(listening);
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`faces ${args.join(' ')} exited with ${code} before listening\n${stderr}`));
    });
  });
  let stopped: Promise<number | null> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    lines,
    stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (stopped === undefined) {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        stopped = exited;
      }
      return stopped;
    },
  };
}

export interface Exited {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `faces <args>` to its end (for commands that must refuse to start). */
export async function runFacesToExit(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<Exited> {
  const child = spawn(process.execPath, [FACES_BIN, ...args], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** As startFaces, with another copy of the `faces` command (a production install, for example). */
export const startFacesFrom = startNodeService;
