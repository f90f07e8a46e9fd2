import type { ServerOptions } from 'node:http';
import type { KitConfig } from '../config/kit-config.js';

/** The Fastify options that bound how long a client may hold a connection without finishing a request. */
export interface ConnectionLimits {
  readonly requestTimeout: number;
  readonly keepAliveTimeout: number;
  readonly http: ServerOptions;
}

/**
 * Fastify's requestTimeout defaults to 0 (none): a client that trickles its body holds a
 * connection for ever. REQUEST_TIMEOUT_MS bounds the whole request, headers and body, from its
 * first byte (a connection that sends nothing counts from its opening); Node answers 408 and
 * closes. It does not bound the handler: a slow answer (DELAY_BUCKETS) is not cut short.
 *
 * Node looks for expired requests only every connectionsCheckingInterval (30 s by default), so
 * the interval follows the timeout: a tenth of it, at most 1 s, so a refusal comes within 110 %
 * of the timeout (or the timeout plus 1 s). headersTimeout is the same bound (Node requires it to
 * be no longer than requestTimeout). Fastify sets requestTimeout and keepAliveTimeout on the
 * server itself, after `http` is applied: they are given at the top level.
 */
export function connectionLimits(config: Pick<KitConfig, 'requestTimeoutMs' | 'keepAliveTimeoutMs'>): ConnectionLimits {
  const { requestTimeoutMs, keepAliveTimeoutMs } = config;
  return {
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    http: {
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.round(requestTimeoutMs / 10))),
    },
  };
}
