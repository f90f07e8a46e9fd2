import { readFile } from 'node:fs/promises';

/** The resident set size of process `pid`, from Linux's /proc (the machines these tests run on). */
export async function rssBytes(pid: number | undefined): Promise<number> {
  if (pid === undefined) throw new Error('the process has no pid');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (match === null) throw new Error(`no VmRSS line in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

export const MiB = 1024 * 1024;
