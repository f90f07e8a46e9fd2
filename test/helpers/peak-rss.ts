import { readFile } from 'node:fs/promises';

/** The peak resident memory of process `pid` so far (Linux's VmHWM), in bytes: a peak no sampling can miss. */
export async function peakRssOf(pid: number | undefined): Promise<number> {
  if (pid === undefined) throw new Error('the process has no pid: it did not start');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (match?.[1] === undefined) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}
