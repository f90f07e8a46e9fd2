import { at, type Json } from './yaml-docs.js';

export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  readonly protocol?: string;
}

export interface ClusterService {
  readonly name: string;
  readonly ports: readonly ServicePort[];
}

const envName = (name: string) => name.toUpperCase().replaceAll('-', '_');

/**
 * The variables the kubelet gives every pod for one Service (pkg/kubelet/envvars: the
 * *_SERVICE_* ones and the Docker-link-style *_PORT_* ones), with `clusterIp` as its address.
 */
export function serviceLinkVariables(service: ClusterService, clusterIp: string): Record<string, string> {
  const prefix = envName(service.name);
  const env: Record<string, string> = {};
  const [first] = service.ports;
  if (first === undefined) return env;
  env[`${prefix}_SERVICE_HOST`] = clusterIp;
  env[`${prefix}_SERVICE_PORT`] = String(first.port);
  env[`${prefix}_PORT`] = `${(first.protocol ?? 'TCP').toLowerCase()}://${clusterIp}:${first.port}`;
  for (const port of service.ports) {
    const protocol = port.protocol ?? 'TCP';
    if (port.name !== undefined) env[`${prefix}_SERVICE_PORT_${envName(port.name)}`] = String(port.port);
    const link = `${prefix}_PORT_${port.port}_${protocol}`;
    env[link] = `${protocol.toLowerCase()}://${clusterIp}:${port.port}`;
    env[`${link}_PROTO`] = protocol.toLowerCase();
    env[`${link}_PORT`] = String(port.port);
    env[`${link}_ADDR`] = clusterIp;
  }
  return env;
}

/** The Services among parsed manifests, with their ports. */
export function servicesOf(objects: readonly Json[]): ClusterService[] {
  return objects
    .filter((object) => at(object, 'kind') === 'Service')
    .map((object) => ({
      name: String(at(object, 'metadata', 'name')),
      ports: ((at(object, 'spec', 'ports') ?? []) as unknown as ServicePort[]).map((port) => ({
        ...(port.name === undefined ? {} : { name: port.name }),
        port: Number(port.port),
        ...(port.protocol === undefined ? {} : { protocol: port.protocol }),
      })),
    }));
}

/** What every pod of a namespace gets for all these Services, one cluster IP each. */
export function namespaceServiceLinks(services: readonly ClusterService[]): Record<string, string> {
  return Object.assign(
    {},
    ...services.map((service, i) => serviceLinkVariables(service, `10.96.${Math.floor(i / 250)}.${(i % 250) + 2}`)),
  );
}
