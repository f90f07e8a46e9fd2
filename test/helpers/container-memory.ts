import { readFileSync } from 'node:fs';
import { ContainerCheckError, type Engine } from './container-engine.js';

/**
 * A container's memory as its cgroup counts it (v1 or v2): usage, and the working set, usage less
 * inactive file pages, which is what the kubelet reports (`kubectl top`) and evicts on.
 */
export interface ContainerMemory {
  readonly usageBytes: number;
  readonly workingSetBytes: number;
}

export interface MemoryCgroup {
  readonly usageFile: string;
  readonly statFile: string;
}

/**
 * The container's memory cgroup files, found on the host from its main process: read there, a
 * sample costs a file read, where `exec cat` would start a process in the container (and take CPU
 * from the services under load) every time.
 */
export function memoryCgroup(engine: Engine, container: string): MemoryCgroup {
  const pid = engine.must(['inspect', '--format', '{{.State.Pid}}', container], `inspect ${container}`);
  const lines = readFileSync(`/proc/${pid}/cgroup`, 'utf8').split('\n');
  const v1 = lines.find((line) => line.split(':')[1]?.split(',').includes('memory'));
  if (v1 !== undefined) {
    const dir = `/sys/fs/cgroup/memory${v1.split(':')[2]}`;
    return { usageFile: `${dir}/memory.usage_in_bytes`, statFile: `${dir}/memory.stat` };
  }
  const v2 = lines.find((line) => line.startsWith('0::'));
  if (v2 === undefined) throw new ContainerCheckError(`no memory cgroup for ${container} in /proc/${pid}/cgroup`);
  const dir = `/sys/fs/cgroup${v2.slice(3)}`;
  return { usageFile: `${dir}/memory.current`, statFile: `${dir}/memory.stat` };
}

export function readContainerMemory(cgroup: MemoryCgroup): ContainerMemory {
  const usageBytes = Number(readFileSync(cgroup.usageFile, 'utf8'));
  const stat = readFileSync(cgroup.statFile, 'utf8').split('\n');
  const field = (name: string): number | undefined => {
    const line = stat.find((l) => l.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.split(' ')[1]);
  };
  // v1: total_inactive_file counts the cgroup and its children (inactive_file this level only).
  const inactiveFile = field('total_inactive_file') ?? field('inactive_file');
  if (!Number.isFinite(usageBytes) || inactiveFile === undefined) {
    throw new ContainerCheckError(`cannot read cgroup memory from ${cgroup.usageFile}`);
  }
  return { usageBytes, workingSetBytes: usageBytes - Math.min(inactiveFile, usageBytes) };
}
