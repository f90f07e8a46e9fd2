import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Resident set size of a process, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kib === undefined ? Number.NaN : Number(kib) / 1024;
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
