import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Memory {
  /** Resident set size: everything, the node binary's mapped pages included. */
  readonly rssMiB: number;
  /** Anonymous resident memory: the heap and what the process allocated, without file mappings. */
  readonly anonMiB: number;
}

/** Memory of a process, from /proc (Linux). */
export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const read = (field: string) => {
    const kib = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1];
    return kib === undefined ? Number.NaN : Number(kib) / 1024;
  };
  return { rssMiB: read('VmRSS'), anonMiB: read('RssAnon') };
}

/** Linux's USER_HZ: the unit of the CPU times in /proc/PID/stat on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time of the whole process (every thread, user and system) in nanoseconds, from
 * /proc/PID/stat (Linux); NaN when unknown. Time the hypervisor gave to other machines is not in
 * it, so per-request CPU is steadier than req/s on a shared VM.
 */
export function cpuNanoseconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces, closed by the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return (ticks / TICKS_PER_SECOND) * 1e9;
  } catch {
    return Number.NaN;
  }
}

/** The machine's CPU time counters from /proc/stat (Linux), in ticks: all of it, and stolen. */
export interface CpuTimes {
  readonly total: number;
  readonly steal: number;
}

export function machineCpuTimes(stat = readFileSync('/proc/stat', 'utf8')): CpuTimes {
  // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": guest time is in user.
  const fields = (stat.split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
  return { total: fields.reduce((sum, value) => sum + value, 0), steal: fields[7] ?? 0 };
}

/** The share of the machine's CPU time a hypervisor gave to other guests between two readings. */
export function stolenShare(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  return total > 0 ? (after.steal - before.steal) / total : 0;
}

/** Sum of the gzip sizes of the built app's JS and CSS, in bytes; undefined when it is not built. */
export function bundleGzipBytes(dir: string): number | undefined {
  let total = 0;
  let found = false;
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(js|css)$/.test(name)) {
        found = true;
        total += gzipSync(readFileSync(full), { level: 9 }).length;
      }
    }
  };
  try {
    walk(dir);
  } catch {
    return undefined;
  }
  return found ? total : undefined;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
