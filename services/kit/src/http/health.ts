import type { FastifyInstance } from 'fastify';

export type Readiness = 'starting' | 'ready' | 'draining';

/** Liveness and readiness, and the switch that shutdown flips. */
export class Health {
  private current: Readiness = 'starting';
  private readonly drainListeners: (() => void)[] = [];

  get state(): Readiness {
    return this.current;
  }

  set state(next: Readiness) {
    const was = this.current;
    this.current = next;
    if (next === 'draining' && was !== 'draining') for (const listener of this.drainListeners) listener();
  }

  /** Called once when draining starts: for answers that never end on their own (the GUI's event streams). */
  onDraining(listener: () => void): void {
    this.drainListeners.push(listener);
  }
}

const OK = { status: 'OK' } as const;

export function installHealth(app: FastifyInstance, health: Health): void {
  app.addHook('onReady', async () => {
    if (health.state === 'starting') health.state = 'ready';
  });
  // While draining, every answer closes its connection: clients reconnect (through the Service, to
  // another pod), and no kept-alive socket holds app.close() open until its keep-alive timeout.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (health.state === 'draining') reply.header('connection', 'close');
    done(null, payload);
  });
  // Liveness: an injected failure would make the kubelet restart the pod.
  app.get('/healthz', { config: { faults: false } }, async () => OK);
  const readiness = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    if (health.state === 'ready') return OK;
    reply.code(503);
    return { status: health.state };
  };
  // Readiness: injected failures would pull the pod out of the Service.
  app.get('/readyz', { config: { faults: false } }, readiness);
  // The original's readiness path: kept so existing probes and scripts go on working; spared as /readyz.
  app.get('/ready', { config: { faults: false } }, readiness);
}
