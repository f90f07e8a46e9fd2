import { ConfigError, type Env, type KitConfig, readDecimal, readKitConfig, readRaw } from '@faces/kit';
import { readGatesFile } from './gates.js';

export interface LoadtesterConfig {
  readonly kit: KitConfig;
  /** Webhooks for canaries in namespaces that do not match get 403 (Flagger's -namespace-regexp). */
  readonly namespaceRegexp: RegExp | undefined;
  /** Where gate state is kept across restarts; in memory only when unset. */
  readonly gatesFile: string | undefined;
  /** The gates as GATES_FILE had them at start (read once, with the rest of the configuration). */
  readonly initialGates: ReadonlyMap<string, boolean>;
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
  const gatesFile = readRaw(env, 'GATES_FILE');
  let initialGates: ReadonlyMap<string, boolean> = new Map();
  if (gatesFile !== undefined) {
    try {
      initialGates = readGatesFile(gatesFile);
    } catch (error) {
      throw new ConfigError(
        'GATES_FILE',
        gatesFile,
        `a gates file this loadtester wrote, or a new path (${gatesFileProblem(error)})`,
      );
    }
  }
  return Object.freeze({
    kit: readKitConfig(env, 'loadtester'),
    namespaceRegexp,
    gatesFile,
    initialGates,
    taskTimeoutSeconds: readDecimal(env, 'TASK_TIMEOUT_SECONDS', 3600, 1, 86_400),
  });
}

/** Why GATES_FILE could not be read, without repeating the path (the message names it already). */
function gatesFileProblem(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  return String(message).slice(0, 200);
}
