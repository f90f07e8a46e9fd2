import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { ConfigError, forEachLine, listeningPort, readInt, withRuntimeNodeOptions } from '@faces/kit';

/** `faces all` serves the GUI here unless PORT says otherwise. */
export const DEFAULT_ALL_PORT = 8080;
const START_TIMEOUT_MS = 30_000;

interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly port: Promise<number>;
  readonly exited: Promise<number | null>;
}

/**
 * Starts `faces <name>` as a child. Its pino lines are parsed: the "listening" line gives the port,
 * warnings and errors are passed on (prefixed with the service), the rest is quiet.
 */
function startChild(proc: NodeJS.Process, name: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(proc.execPath, [proc.argv[1] ?? '', name], {
    env,
    // The IPC channel is unused but for its end: a child stops when `faces all` is gone, even
    // after a SIGKILL (see runService).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Its own process group: Ctrl-C reaches only `faces all`, which stops the children in order.
    detached: true,
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const port = new Promise<number>((resolve, reject) => {
    if (child.stdout !== null) {
      forEachLine(child.stdout, (line) => {
        const listening = listeningPort(line);
        if (listening !== undefined) resolve(listening);
        else if (/"level":(4|5|6)\d/.test(line)) proc.stdout.write(`[${name}] ${line}\n`);
      });
    }
    child.stderr?.on('data', (chunk: Buffer) => proc.stderr.write(`[${name}] ${chunk.toString()}`));
    exited.then((code) => reject(new Error(`faces ${name} exited with ${code} before listening`)));
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

function withoutFaults(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of FAULT_VARIABLES) delete copy[name];
  return copy;
}

/** `faces all`: the four services on loopback, the GUI on PORT (default 8080); Ctrl-C stops them all. */
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
  // runs with the image's Node flags unless NODE_OPTIONS says otherwise.
  const base: NodeJS.ProcessEnv = withRuntimeNodeOptions({
    DRAIN_SECONDS: '0',
    ...proc.env,
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const children: Child[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const clean = await stopAll(children);
    proc.exit(clean ? code : 1);
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
      ...withoutFaults(base),
      PORT: String(port),
      FACE_SERVICE: `127.0.0.1:${facePort}`,
    });
    children.push(gui);
    const guiPort = await gui.port;
    proc.stdout.write(`Faces is running: open http://localhost:${guiPort}/ (Ctrl-C stops it)\n`);
  } catch (error) {
    proc.stderr.write(`faces all: ${error instanceof Error ? error.message : String(error)}\n`);
    await stop(1);
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
