import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from './kit-config.js';

/**
 * pino JSON lines on stdout (or the stream tests pass). Per-request lines are at debug: at info
 * they would cost a write per request on the hot path the benchmarks measure.
 */
export function loggerOptions(
  level: LogLevel,
  service: string,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level,
    base: { service },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    ...(stream === undefined ? {} : { stream }),
  };
}
