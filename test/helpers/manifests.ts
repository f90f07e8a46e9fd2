import { kustomize } from './kubectl.js';
import { readRepoFile, repoPath } from './repo.js';
import { at, type Json, parseYamlDocs } from './yaml-docs.js';

/** The four workloads of the base, each a Deployment and a Service of that name. */
export const WORKLOADS = ['face', 'smiley', 'color', 'faces-gui'] as const;
export type Workload = (typeof WORKLOADS)[number];
export const BACKENDS = ['face', 'smiley', 'color'] as const;

export function parseRendered(stdout: string, source: string): Json[] {
  return parseYamlDocs(stdout, source);
}

/** `kubectl kustomize k8s/01-base`, parsed; throws with kustomize's message when it fails. */
export function renderBase(): Json[] {
  const result = kustomize(repoPath('k8s/01-base'));
  if (result.status !== 0) throw new Error(`kustomize k8s/01-base failed:\n${result.stderr}`);
  return parseRendered(result.stdout, 'kustomize k8s/01-base');
}

export function readYamlFile(relativePath: string): Json[] {
  return parseYamlDocs(readRepoFile(relativePath), relativePath);
}

export function find(objects: readonly Json[], kind: string, name: string): Json {
  const found = objects.filter((o) => at(o, 'kind') === kind && at(o, 'metadata', 'name') === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0] as Json;
}

export interface EnvVar {
  readonly name: string;
  readonly value?: string;
}

/** Container 0's env of a Deployment; undefined when the key is absent (not the same as []). */
export function envOf(deployment: Json): EnvVar[] | undefined {
  const env = at(deployment, 'spec', 'template', 'spec', 'containers', 0, 'env');
  return env === undefined ? undefined : (env as unknown as EnvVar[]);
}

export function container0(deployment: Json): Json {
  return at(deployment, 'spec', 'template', 'spec', 'containers', 0) as Json;
}
