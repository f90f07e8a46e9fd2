import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';

export type ShutdownResult = 'clean' | 'timed-out';

/**
 * Readiness turns 503 at once; requests are served for the drain period (so load balancers stop
 * sending); then app.close() stops accepting, lets in-flight requests finish and runs every
 * plugin's onClose. The whole sequence is bounded.
 */
export async function shutdown(
  app: FastifyInstance,
  drainSeconds: number,
  timeoutSeconds: number,
): Promise<ShutdownResult> {
  app.faces.health.state = 'draining';
  app.log.info({ drainSeconds }, 'shutting down: readiness is 503, draining');
  const timeout = new AbortController();
  const sequence = (async () => {
    await sleep(drainSeconds * 1000);
    await app.close();
    return 'clean' as const;
  })();
  const deadline = sleep(timeoutSeconds * 1000, 'timed-out' as const, { signal: timeout.signal }).catch(
    () => 'clean' as const,
  );
  const result = await Promise.race([sequence, deadline]);
  timeout.abort();
  return result;
}
