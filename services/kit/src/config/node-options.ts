/**
 * The V8 and Node flags every Faces service runs with (the image sets them as NODE_OPTIONS; `faces
 * all` and `make bench` pass them to the processes they start). Measured under wrk load:
 * - `--max-semi-space-size=4` (MiB): the young generation otherwise grows to three 16 MiB spaces;
 *   face's resident memory after load fell from 140 to 121 MiB with no throughput change beyond
 *   the noise. At 2 MiB face lost a quarter of its throughput to scavenges.
 * - `--v8-pool-size=1`: one V8 worker thread instead of one per core; each idle worker holds a
 *   few MiB (4 MiB less anonymous memory at start), and these services have little GC work.
 */
export const RUNTIME_NODE_OPTIONS = '--max-semi-space-size=4 --v8-pool-size=1';

/** The environment with the runtime flags as NODE_OPTIONS, unless the user set NODE_OPTIONS. */
export function withRuntimeNodeOptions<E extends Record<string, string | undefined>>(env: E): E {
  return env.NODE_OPTIONS === undefined || env.NODE_OPTIONS === ''
    ? { ...env, NODE_OPTIONS: RUNTIME_NODE_OPTIONS }
    : env;
}
