import { container0, envOf, find, readYamlFile, type Workload } from './manifests.js';
import { type MemoryResources, memoryResources } from './memory-headroom.js';
import { at, type Json } from './yaml-docs.js';

/** What a container of the check takes from its Deployment in k8s/01-base. */
export interface BaseWorkload {
  readonly workload: Workload;
  readonly env: readonly { readonly name: string; readonly value: string }[];
  readonly args: readonly string[];
  readonly memory: MemoryResources;
  readonly graceSeconds: number;
}

const FILES: Record<Workload, string> = {
  face: 'k8s/01-base/faces.yaml',
  smiley: 'k8s/01-base/faces.yaml',
  color: 'k8s/01-base/faces.yaml',
  'faces-gui': 'k8s/01-base/faces-gui.yaml',
};

/**
 * Kubernetes gives each backend a Service on port 80 in front of its pod; a container network has
 * only the containers, on 8000, so face and the GUI are told where their peers listen (as
 * docker-compose.yaml does). Nothing else is added.
 */
export const PEER_ADDRESSES: Partial<Record<Workload, Record<string, string>>> = {
  face: { SMILEY_SERVICE: 'smiley:8000', COLOR_SERVICE: 'color:8000' },
  'faces-gui': { FACE_SERVICE: 'face:8000' },
};

export function baseWorkload(workload: Workload): BaseWorkload {
  const deployment = find(readYamlFile(FILES[workload]), 'Deployment', workload);
  const container = container0(deployment) as Json;
  const env = (envOf(deployment) ?? []).map((v) => ({ name: v.name, value: v.value ?? '' }));
  const args = (at(container, 'args') ?? []) as string[];
  const grace = at(deployment, 'spec', 'template', 'spec', 'terminationGracePeriodSeconds');
  return {
    workload,
    env,
    args,
    memory: memoryResources(at(container, 'resources') as Json, `${FILES[workload]} ${workload}`),
    graceSeconds: typeof grace === 'number' ? grace : 30,
  };
}
