import type { FastifyServerOptions } from 'fastify';
import pino from 'pino';
import type { LogLevel } from '../config/kit-config.js';

/**
 * pino JSON lines on stdout (or the stream tests pass). Per-request lines are at debug: at info
 * they would cost a write per request on the hot path the benchmarks measure.
 *
 * Written synchronously: pino's default asynchronous stdout flushes at exit, and when stdout is a
 * pipe whose reader is gone (`faces all` killed outright) that flush retries forever and the
 * process never exits. A synchronous write meets the broken pipe at once, and pino then stops
 * logging. At info a service logs a few lines at start and stop, so nothing is slower.
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
    stream: stream ?? pino.destination({ fd: 1, sync: true }),
  };
}
