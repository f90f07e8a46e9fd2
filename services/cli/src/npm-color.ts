import { readFileSync } from 'node:fs';

/**
 * npm sets COLOR to "0" or "1" (its own colour setting) in every script and `npx` command it runs,
 * overwriting the caller's (npm's lib/npm.js). color reads COLOR, so under npm that value is not the
 * person's. The person's COLOR is still in the start-time environment of the npm process itself
 * (Linux: /proc/<pid>/environ, which a later setenv does not change), the nearest ancestor that was
 * not started by npm. Elsewhere, or when it cannot be read, npm's value is dropped (color's default).
 */

/** Whether this process runs under `npm run`/`npm start`/`npx` (npm marks every script's environment). */
export function runByNpm(env: NodeJS.ProcessEnv): boolean {
  return env.npm_lifecycle_event !== undefined || env.npm_command !== undefined;
}

export interface ProcessTable {
  /** A process's start-time environment, or undefined if it cannot be read. */
  readonly environ: (pid: number) => Record<string, string> | undefined;
  /** A process's parent, or undefined if it cannot be read. */
  readonly parent: (pid: number) => number | undefined;
}

/** Linux's /proc; on other systems every read gives undefined. */
export const PROC_TABLE: ProcessTable = {
  environ: (pid) => {
    try {
      const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const env: Record<string, string> = {};
      for (const entry of entries) {
        const at = entry.indexOf('=');
        if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
      }
      return env;
    } catch {
      return undefined;
    }
  },
  parent: (pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
    } catch {
      return undefined;
    }
  },
};

/** npm's process is a few levels up (npm → sh → faces; npm start → sh → npm run → …): never many. */
const MAX_DEPTH = 16;

/** The COLOR the person gave npm (undefined: none, or not recoverable), searching up from `pid`. */
export function colorGivenToNpm(pid: number, table: ProcessTable): string | undefined {
  let current: number | undefined = pid;
  for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth++) {
    const env = table.environ(current);
    if (env === undefined) return undefined;
    if (!runByNpm(env)) return env.COLOR;
    current = table.parent(current);
  }
  return undefined;
}

/** Replaces npm's COLOR in `env` with the person's (or removes it), when run by npm. */
export function undoNpmColor(env: NodeJS.ProcessEnv, ppid: number, table: ProcessTable = PROC_TABLE): void {
  if (!runByNpm(env) || (env.COLOR !== '0' && env.COLOR !== '1')) return;
  const color = colorGivenToNpm(ppid, table);
  if (color === undefined) delete env.COLOR;
  else env.COLOR = color;
}
