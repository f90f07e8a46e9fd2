import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
}

function toMs(value: string, unit: string): number {
  const scale: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };
  return Number(value) * (scale[unit] ?? Number.NaN);
}

/** Parses `wrk --latency` output. */
export function parseWrk(output: string): LoadResult {
  const requests = /(\d+) requests in /.exec(output);
  const rps = /Requests\/sec:\s+([0-9.]+)/.exec(output);
  const p50 = /\n\s+50%\s+([0-9.]+)(us|ms|s)/.exec(output);
  const p99 = /\n\s+99%\s+([0-9.]+)(us|ms|s)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output);
  if (requests?.[1] === undefined || rps?.[1] === undefined || p50?.[1] === undefined || p99?.[1] === undefined) {
    throw new Error(`could not read wrk output:\n${output}`);
  }
  return {
    requests: Number(requests[1]),
    requestsPerSecond: Number(rps[1]),
    p50Ms: toMs(p50[1], p50[2] ?? ''),
    p99Ms: toMs(p99[1], p99[2] ?? ''),
    non2xx: Number(non2xx?.[1] ?? 0),
  };
}

/** One wrk thread (the other core serves), fixed connections, fixed duration. */
export async function runWrk(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const { stdout } = await run('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url], {
    timeout: (seconds + 30) * 1000,
  });
  return parseWrk(stdout);
}
