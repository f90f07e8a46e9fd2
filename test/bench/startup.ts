import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { RUNTIME_NODE_OPTIONS } from '@faces/kit';
import { median, memoryOf } from './measure.js';

export interface Startup {
  /** Milliseconds from spawning the process to /readyz answering 200. */
  readonly startupMs: number;
  /** Resident memory at that moment, before any other request. */
  readonly readyRssMiB: number;
}

/** How fast `faces <command>` gets ready and how big it is then; medians of `repeats` starts. */
export async function measureStartup(
  bin: string,
  command: string,
  freePort: () => Promise<number>,
  repeats: number,
): Promise<Startup> {
  const times: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [bin, command], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DRAIN_SECONDS: '0',
        NODE_OPTIONS: RUNTIME_NODE_OPTIONS,
      },
      stdio: 'ignore',
    });
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`faces ${command} exited with ${child.exitCode}`);
        const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (response) => response.status === 200,
          () => false,
        );
        if (ok) break;
        if (performance.now() - started > 10_000) throw new Error(`faces ${command} not ready in 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      times.push(performance.now() - started);
      if (child.pid !== undefined) sizes.push(memoryOf(child.pid).rssMiB);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  return { startupMs: median(times), readyRssMiB: median(sizes) };
}
