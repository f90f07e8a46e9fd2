import { spawn, spawnSync } from 'node:child_process';
import { repoPath } from './repo.js';

/** What the container check failed at, as the one line `make test` shows. */
export class ContainerCheckError extends Error {
  constructor(what: string) {
    super(`container check: ${what}`);
  }
}

export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The last non-empty line of a command's output: the one that says why it failed. */
export function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').trim();
}

/** Runs a repository script; its stderr goes to the test's output as it comes. */
export function runScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [repoPath('scripts', script), ...args], { cwd: repoPath(), env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** One engine command (docker or podman share these), bounded in time. */
export class Engine {
  constructor(readonly command: string) {}

  run(args: readonly string[], timeoutMs = 120_000): Ran {
    const result = spawnSync(this.command, args, { encoding: 'utf8', timeout: timeoutMs });
    return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  }

  /** Runs and returns stdout; throws one line naming `what` and the engine's last word otherwise. */
  must(args: readonly string[], what: string, timeoutMs?: number): string {
    const result = this.run(args, timeoutMs);
    if (result.status !== 0) {
      throw new ContainerCheckError(
        `${what} failed: ${lastLine(result.stderr || result.stdout) || `exit ${result.status}`}`,
      );
    }
    return result.stdout.trim();
  }

  /** The host port a container's 8000 is published on (loopback only). */
  hostPort(container: string): number {
    const mapping = this.must(['port', container, '8000/tcp'], `${this.command} port ${container}`);
    const port = Number(lastLine(mapping).split(':').pop());
    if (!Number.isInteger(port) || port <= 0)
      throw new ContainerCheckError(`no published port for ${container}: ${mapping}`);
    return port;
  }

  /** running, exited, ...; and the exit code once it has exited. */
  state(container: string): { status: string; exitCode: number; oomKilled: boolean } {
    const out = this.must(
      ['inspect', '--format', '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}', container],
      `inspect ${container}`,
    );
    const [status = '', exitCode = '', oomKilled = ''] = out.split(' ');
    return { status, exitCode: Number(exitCode), oomKilled: oomKilled === 'true' };
  }

  logsTail(container: string, lines = 3): string {
    const result = this.run(['logs', '--tail', String(lines), container]);
    return `${result.stdout}${result.stderr}`.trim().split('\n').join(' | ');
  }
}
