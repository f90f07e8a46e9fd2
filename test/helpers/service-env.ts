import { readColorConfig } from '@faces/color';
import { readFaceConfig } from '@faces/face';
import { readGuiConfig } from '@faces/gui';
import { type Env, readServiceName, type ServiceAddress, type ServiceName } from '@faces/kit';
import { readLoadtesterConfig } from '@faces/load';
import { readMcpConfig } from '@faces/mcp';
import { readSmileyConfig } from '@faces/smiley';

/** What a service reads from its environment: the exact names, and a check that values are accepted. */
export interface ServiceEnv {
  readonly service: ServiceName;
  /** Names the service's config reader asks for. */
  readonly names: ReadonlySet<string>;
  /** Names the service accepts by pattern (the GUI's COLOR_<user>). */
  readonly patterns: readonly RegExp[];
  /** Defaults of the backend address variables, where the service has them. */
  readonly addressDefaults: Readonly<Record<string, string>>;
  /** Reads a full config from env; throws ConfigError on a bad value. */
  readonly read: (env: Env) => unknown;
}

/** Every variable a reader asks for, by handing it an environment that records each lookup. */
export function namesRead(reader: (env: Env) => unknown): Set<string> {
  const names = new Set<string>();
  const recorder = new Proxy<Env>(
    {},
    {
      get(_target, key) {
        if (typeof key === 'string') names.add(key);
        return undefined;
      },
    },
  );
  reader(recorder);
  return names;
}

const GUI_PATTERNS = [/^COLOR_[A-Za-z0-9_.-]+$/, /^PAGE_COLOR_[A-Za-z0-9_.-]+$/];

/** host:port of an address, as a default the address variable falls back to. */
function hostPort(address: ServiceAddress): string {
  return `${address.host}:${address.port}`;
}

/** Each service's config reader, and the defaults of its backend address variables (from the code). */
const READERS: Record<ServiceName, { read: (env: Env) => unknown; addressDefaults: () => Record<string, string> }> = {
  smiley: { read: readSmileyConfig, addressDefaults: () => ({}) },
  color: { read: readColorConfig, addressDefaults: () => ({}) },
  face: {
    read: readFaceConfig,
    addressDefaults: () => {
      const config = readFaceConfig({});
      return { SMILEY_SERVICE: hostPort(config.smiley), COLOR_SERVICE: hostPort(config.color) };
    },
  },
  gui: { read: readGuiConfig, addressDefaults: () => ({ FACE_SERVICE: hostPort(readGuiConfig({}).face) }) },
  loadtester: { read: readLoadtesterConfig, addressDefaults: () => ({}) },
  mcp: { read: readMcpConfig, addressDefaults: () => ({}) },
};

/** Every variable `service` reads, from its own config reader (a reader that fails to import fails the test). */
export async function serviceEnv(service: ServiceName): Promise<ServiceEnv> {
  // FACES_SERVICE is read by the `faces` command itself, before the service's own reader.
  const command = namesRead((env) => {
    try {
      readServiceName(env);
    } catch {
      // the recorder has no value: the ConfigError is expected
    }
  });
  const { read, addressDefaults } = READERS[service];
  const names = new Set([...command, ...namesRead(read)]);
  const patterns = service === 'gui' ? GUI_PATTERNS : [];
  return { service, names, patterns, addressDefaults: addressDefaults(), read };
}
