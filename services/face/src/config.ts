import { type Env, type KitConfig, readInt, readKitConfig, readServiceAddress, type ServiceAddress } from '@faces/kit';

/** Well under the GUI's cell budget (a cell asks every 2 s), so a slow backend shows as Sleeping, not a blank. */
export const DEFAULT_BACKEND_TIMEOUT_MS = 1000;
/** Kept-alive connections per backend: enough for the GUI and `faces load` at full tilt on one pod. */
export const DEFAULT_BACKEND_CONNECTIONS = 64;

export interface FaceConfig {
  readonly kit: KitConfig;
  readonly smiley: ServiceAddress;
  readonly color: ServiceAddress;
  /** Each backend call is abandoned (and its connection closed) after this many milliseconds. */
  readonly backendTimeoutMs: number;
  /** The most connections face keeps open to each backend. */
  readonly backendConnections: number;
}

export function readFaceConfig(env: Env): FaceConfig {
  return Object.freeze({
    kit: readKitConfig(env, 'face'),
    smiley: readServiceAddress(env, 'SMILEY_SERVICE', 'smiley'),
    color: readServiceAddress(env, 'COLOR_SERVICE', 'color'),
    backendTimeoutMs: readInt(env, 'BACKEND_TIMEOUT_MS', DEFAULT_BACKEND_TIMEOUT_MS, 1, 60_000),
    backendConnections: readInt(env, 'BACKEND_CONNECTIONS', DEFAULT_BACKEND_CONNECTIONS, 1, 1024),
  });
}
