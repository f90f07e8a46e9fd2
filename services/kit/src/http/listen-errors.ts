import { ConfigError } from '../config/config-error.js';
import type { KitConfig } from '../config/kit-config.js';

/** Why listen() failed, as the variable to change: the errors that HOST or PORT explain. */
export function listenConfigError(error: unknown, config: Pick<KitConfig, 'host' | 'port'>): ConfigError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const host = config.host;
  const port = String(config.port);
  switch (code) {
    case 'EADDRINUSE':
      return new ConfigError('PORT', port, `a port nothing else listens on (${code}: ${host}:${port} is in use)`);
    case 'EACCES':
      return new ConfigError(
        'PORT',
        port,
        `a port this user may listen on, 1024 or above without privileges (${code})`,
      );
    case 'EADDRNOTAVAIL':
    case 'EAFNOSUPPORT':
      return new ConfigError('HOST', host, `an address of this machine, e.g. 0.0.0.0, :: or 127.0.0.1 (${code})`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return new ConfigError('HOST', host, `an IP address or a host name that resolves (${code})`);
    default:
      return undefined;
  }
}
