import { ContainerCheckError, type Engine } from './container-engine.js';

/**
 * A container's memory as its cgroup counts it (v2 or v1): usage, and the working set, usage minus
 * inactive file pages, which is what the kubelet reports (`kubectl top`) and evicts on.
 */
export interface ContainerMemory {
  readonly usageBytes: number;
  readonly workingSetBytes: number;
}

const READ_CGROUP = [
  'cat /sys/fs/cgroup/memory.current 2>/dev/null || cat /sys/fs/cgroup/memory/memory.usage_in_bytes',
  'cat /sys/fs/cgroup/memory.stat 2>/dev/null || cat /sys/fs/cgroup/memory/memory.stat',
].join('; ');

export function readContainerMemory(engine: Engine, container: string): ContainerMemory {
  const out = engine.must(['exec', container, 'sh', '-c', READ_CGROUP], `reading ${container}'s cgroup memory`);
  const [usageLine = '', ...stat] = out.split('\n');
  const usageBytes = Number(usageLine);
  const field = (name: string): number | undefined => {
    const line = stat.find((l) => l.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.split(' ')[1]);
  };
  // v1 counts the cgroup's own pages in total_* (inactive_file there is this level only).
  const inactiveFile = field('total_inactive_file') ?? field('inactive_file');
  if (!Number.isFinite(usageBytes) || inactiveFile === undefined) {
    throw new ContainerCheckError(`cannot read ${container}'s cgroup memory: ${out.slice(0, 200)}`);
  }
  return { usageBytes, workingSetBytes: usageBytes - Math.min(inactiveFile, usageBytes) };
}
