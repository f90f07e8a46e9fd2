import { at, type Json } from './yaml-docs.js';

const MIB = 1024 * 1024;

/**
 * The headroom docs/kubernetes.md ("Resources") states: the memory request is the measured peak
 * plus at least 20 %, and the limit is twice the request.
 */
export const REQUEST_OVER_PEAK = 1.2;
export const LIMIT_OVER_REQUEST = 2;

/** A Kubernetes memory quantity (128Mi, 1Gi, 500M, 134217728) in bytes. */
export function quantityBytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`not a memory quantity: ${quantity}`);
  const units: Record<string, number> = { Ki: 1024, Mi: MIB, Gi: 1024 * MIB, k: 1e3, M: 1e6, G: 1e9 };
  return Number(match[1]) * (match[2] ? (units[match[2]] ?? 1) : 1);
}

export function mib(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MiB`;
}

export interface MemoryResources {
  readonly request: string;
  readonly limit: string;
}

export function memoryResources(resources: Json, source: string): MemoryResources {
  const request = at(resources, 'requests', 'memory');
  const limit = at(resources, 'limits', 'memory');
  if (typeof request !== 'string' || typeof limit !== 'string') {
    throw new Error(`${source}: no memory request and limit`);
  }
  return { request, limit };
}

/** Why `resources` do not hold `peakBytes` with the stated headroom, or undefined when they do. */
export function headroomProblem(
  workload: string,
  peakBytes: number,
  resources: MemoryResources,
  source: string,
): string | undefined {
  const request = quantityBytes(resources.request);
  const limit = quantityBytes(resources.limit);
  const needRequest = peakBytes * REQUEST_OVER_PEAK;
  if (request < needRequest) {
    return `${source}: ${workload}'s memory request ${resources.request} is too low for the measured peak ${mib(peakBytes)} (needs at least ${mib(needRequest)}: peak + 20 %)`;
  }
  if (limit < needRequest * LIMIT_OVER_REQUEST) {
    return `${source}: ${workload}'s memory limit ${resources.limit} is too low for the measured peak ${mib(peakBytes)} (needs at least ${mib(needRequest * LIMIT_OVER_REQUEST)}: twice peak + 20 %)`;
  }
  return undefined;
}
