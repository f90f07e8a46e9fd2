import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { RUNTIME_NODE_OPTIONS } from '@faces/kit';
import { median } from './measure.js';

/** Milliseconds from spawning `faces <command>` to its /readyz answering 200; the median of `repeats`. */
export async function measureStartup(
  bin: string,
  command: string,
  freePort: () => Promise<number>,
  repeats: number,
): Promise<number> {
  const samples: number[] = [];
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
      samples.push(performance.now() - started);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  return median(samples);
}
