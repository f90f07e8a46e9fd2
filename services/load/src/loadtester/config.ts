import { ConfigError, type Env, type KitConfig, readDecimal, readKitConfig, readRaw } from '@faces/kit';

export interface LoadtesterConfig {
  readonly kit: KitConfig;
  /** Webhooks for canaries in namespaces that do not match get 403 (Flagger's -namespace-regexp). */
  readonly namespaceRegexp: RegExp | undefined;
  /** Where gate state is kept across restarts; in memory only when unset. */
  readonly gatesFile: string | undefined;
  /** A run is stopped after this long (Flagger's -timeout, 1 h by default). */
  readonly taskTimeoutSeconds: number;
}

export function readLoadtesterConfig(env: Env): LoadtesterConfig {
  const pattern = readRaw(env, 'NAMESPACE_REGEXP');
  let namespaceRegexp: RegExp | undefined;
  if (pattern !== undefined) {
    try {
      namespaceRegexp = new RegExp(pattern);
    } catch {
      throw new ConfigError('NAMESPACE_REGEXP', pattern, 'a regular expression, e.g. ^faces$');
    }
  }
  return Object.freeze({
    kit: readKitConfig(env, 'loadtester'),
    namespaceRegexp,
    gatesFile: readRaw(env, 'GATES_FILE'),
    taskTimeoutSeconds: readDecimal(env, 'TASK_TIMEOUT_SECONDS', 3600, 1, 86_400),
  });
}
