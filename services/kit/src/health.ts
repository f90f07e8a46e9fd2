import type { FastifyInstance } from 'fastify';

export type Readiness = 'starting' | 'ready' | 'draining';

/** Liveness and readiness, and the switch that shutdown flips. */
export class Health {
  state: Readiness = 'starting';
}

const OK = { status: 'OK' } as const;

export function installHealth(app: FastifyInstance, health: Health): void {
  app.addHook('onReady', async () => {
    if (health.state === 'starting') health.state = 'ready';
  });
  app.get('/healthz', async () => OK);
  const readiness = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    if (health.state === 'ready') return OK;
    reply.code(503);
    return { status: health.state };
  };
  app.get('/readyz', readiness);
  // The original's readiness path: kept so existing probes and scripts go on working.
  app.get('/ready', readiness);
}
