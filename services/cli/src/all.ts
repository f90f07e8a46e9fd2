import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { relative } from 'node:path';
import { isSea } from 'node:sea';
import { ConfigError, forEachLine, listeningPort, readInt, withRuntimeNodeOptions } from '@faces/kit';
import { type Ports, tourText } from './all-tour.js';

/** `faces all` serves the GUI here unless PORT says otherwise. */
export const DEFAULT_ALL_PORT = 8080;
const START_TIMEOUT_MS = 30_000;

interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly port: Promise<number>;
  readonly exited: Promise<number | null>;
}

/** A child that stopped before it listened: its exit code and its last line on stderr. */
class StartFailure extends Error {
  constructor(
    readonly service: string,
    readonly code: number | null,
    readonly lastLine: string | undefined,
  ) {
    super(lastLine ?? `faces ${service} exited with ${code} before listening`);
  }
}

/** How to run `faces <name>` again: the executable alone when it is one (SEA), else node and the script. */
function facesArgs(proc: NodeJS.Process, name: string): string[] {
  return isSea() ? [name] : [proc.argv[1] ?? '', name];
}

/**
 * Starts `faces <name>` as a child. Its pino lines are parsed: the "listening" line gives the port,
 * warnings and errors are passed on (prefixed with the service), the rest is quiet. Its stderr is
 * held back until it listens: if it stops before, its last line (a bad setting's one line) is
 * what `faces all` reports.
 */
function startChild(proc: NodeJS.Process, name: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(proc.execPath, facesArgs(proc, name), {
    env,
    // The IPC channel is unused but for its end: a child stops when `faces all` is gone, even
    // after a SIGKILL (see runService).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Its own process group: Ctrl-C reaches only `faces all`, which stops the children in order.
    detached: true,
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let listening = false;
  const heldBack: string[] = [];
  if (child.stderr !== null) {
    forEachLine(child.stderr, (line) => {
      if (listening) proc.stderr.write(`[${name}] ${line}\n`);
      else heldBack.push(line);
    });
  }
  const port = new Promise<number>((resolve, reject) => {
    if (child.stdout !== null) {
      forEachLine(child.stdout, (line) => {
        const port = listeningPort(line);
        if (port !== undefined) {
          listening = true;
          for (const held of heldBack.splice(0)) proc.stderr.write(`[${name}] ${held}\n`);
          resolve(port);
        } else if (/"level":(4|5|6)\d/.test(line)) proc.stdout.write(`[${name}] ${line}\n`);
      });
    }
    // Its stderr has ended by the time 'close' comes, so the held-back lines are all there.
    once(child, 'close').then(([code]) =>
      reject(new StartFailure(name, code as number | null, heldBack.filter((line) => line.trim() !== '').at(-1))),
    );
    setTimeout(
      () => reject(new Error(`faces ${name} did not listen within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    ).unref();
  });
  port.catch(() => undefined);
  return { name, process: child, port, exited };
}

async function stopAll(children: readonly Child[]): Promise<boolean> {
  const codes = await Promise.all(
    children.map((child) => {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
      return child.exited;
    }),
  );
  return codes.every((code) => code === 0);
}

/** Faults set for `faces all` are meant for the grid to show, not to break the page that shows it. */
const FAULT_VARIABLES = ['ERROR_FRACTION', 'LATCH_FRACTION', 'DELAY_BUCKETS', 'MAX_RATE'];

/**
 * The GUI's environment: no faults, and no COLOR, which is color's here (the GUI would read it as
 * its page background, for the original's sake): the GUI's own is PAGE_COLOR.
 */
function forTheGui(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of [...FAULT_VARIABLES, 'COLOR']) delete copy[name];
  return copy;
}

/** How the person ran faces, for the commands it prints: the executable, npx, or node and the script. */
function invocation(proc: NodeJS.Process): string {
  if (isSea()) return proc.argv0;
  if (proc.env.npm_command !== undefined || proc.env.npm_lifecycle_event !== undefined) return 'npx faces';
  return `node ${relative(proc.cwd(), proc.argv[1] ?? 'faces.js') || 'faces.js'}`;
}

/**
 * `faces all`: the four services on loopback, the GUI on PORT (default 8080), their URLs and the
 * tour's commands printed; Ctrl-C stops them all.
 */
export async function runAll(proc: NodeJS.Process): Promise<void> {
  let port: number;
  try {
    port = readInt(proc.env, 'PORT', DEFAULT_ALL_PORT, 0, 65535);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    proc.stderr.write(`faces all: ${error.message}\n`);
    proc.exit(2);
  }
  // The rest of the environment (ERROR_FRACTION, SMILEY, COLOR, …) reaches every service, which
  // runs with the image's Node flags unless NODE_OPTIONS says otherwise. Without a CONTROL_TOKEN,
  // one made for this run turns on live fault control, so the tour's `faces faults` works.
  const base: NodeJS.ProcessEnv = withRuntimeNodeOptions({
    DRAIN_SECONDS: '0',
    ...proc.env,
    CONTROL_TOKEN: proc.env.CONTROL_TOKEN || randomBytes(16).toString('hex'),
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const children: Child[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const clean = await stopAll(children);
    proc.exit(clean || code === 2 ? code : 1);
  };
  proc.on('SIGINT', () => void stop(0));
  proc.on('SIGTERM', () => void stop(0));
  try {
    const smiley = startChild(proc, 'smiley', base);
    const color = startChild(proc, 'color', base);
    children.push(smiley, color);
    const [smileyPort, colorPort] = await Promise.all([smiley.port, color.port]);
    const face = startChild(proc, 'face', {
      ...base,
      SMILEY_SERVICE: `127.0.0.1:${smileyPort}`,
      COLOR_SERVICE: `127.0.0.1:${colorPort}`,
    });
    children.push(face);
    const facePort = await face.port;
    const gui = startChild(proc, 'gui', {
      ...forTheGui(base),
      PORT: String(port),
      FACE_SERVICE: `127.0.0.1:${facePort}`,
    });
    children.push(gui);
    const ports: Ports = { gui: await gui.port, face: facePort, smiley: smileyPort, color: colorPort };
    proc.stdout.write(tourText(ports, invocation(proc), base.CONTROL_TOKEN ?? ''));
  } catch (error) {
    proc.stderr.write(`faces all: ${error instanceof Error ? error.message : String(error)}\n`);
    // A service's bad setting is the caller's mistake (2), as for the service alone.
    await stop(error instanceof StartFailure && error.code === 2 ? 2 : 1);
    return;
  }
  // A service that dies takes the others down with it: a half-running Faces would mislead.
  for (const child of children) {
    child.exited.then((code) => {
      if (stopping) return;
      proc.stderr.write(`faces all: ${child.name} exited with ${code}; stopping the others\n`);
      void stop(1);
    });
  }
}
