import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { ignoreRules } from './ignore-rules.js';
import { kustomize, type Rendered } from './kubectl.js';
import { REPO_ROOT } from './repo.js';
import { at, type Json } from './yaml-docs.js';

/** Flux's ignore rules for a GitRepository (gitignore syntax, anchored patterns). */
export function ignoredBy(rules: string): (path: string) => boolean {
  return ignoreRules(rules, { anchoredOnly: true });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(REPO_ROOT, path)];
  });
}

/** The repository files a GitRepository with these ignore rules hands to Flux (k8s/ only: `/*` drops the rest). */
export function keptFiles(ignore: string): string[] {
  const ignored = ignoredBy(ignore);
  return filesUnder(join(REPO_ROOT, 'k8s'))
    .filter((file) => !ignored(file))
    .sort();
}

export interface FluxSource {
  readonly ignore: string;
  readonly path: string;
  readonly targetNamespace: string;
  readonly patches: Json;
}

export function fluxSource(gitRepository: Json, kustomization: Json): FluxSource {
  return {
    ignore: String(at(gitRepository, 'spec', 'ignore')),
    path: String(at(kustomization, 'spec', 'path')),
    targetNamespace: String(at(kustomization, 'spec', 'targetNamespace')),
    patches: at(kustomization, 'spec', 'patches') ?? [],
  };
}

/**
 * Renders what Flux's kustomize-controller applies: the kept files copied into a fresh tree and,
 * as no kustomization.yaml survives the ignore rules, a generated one listing them, with the
 * target namespace and the patches. `edit` may change the copied files first (near-miss tests).
 */
export function fluxRender(source: FluxSource, edit?: (root: string) => void): Rendered {
  const root = mkdtempSync(join(tmpdir(), 'faces-flux-'));
  try {
    const files = keptFiles(source.ignore);
    for (const file of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      copyFileSync(join(REPO_ROOT, file), join(root, file));
    }
    edit?.(root);
    const base = join(root, source.path);
    mkdirSync(base, { recursive: true });
    const kustomization = {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: source.targetNamespace,
      resources: files.map((file) => relative(base, join(root, file))),
      patches: source.patches,
    };
    writeFileSync(join(base, 'kustomization.yaml'), stringify(kustomization));
    return kustomize(base);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
