import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FAULT_STATUS, type FaultDecision, type FaultInjector, type FaultKind } from './faults.js';
import type { FaultConfig } from './kit-config.js';
import { countFault, type Metrics } from './metrics.js';
import { isExcludedFromFaults } from './reserved-routes.js';

/** Names the injected fault on the response, so tests and audiences can tell it from a real one. */
export const FAULT_HEADER = 'x-faces-fault';

export interface FaultsOptions {
  readonly injector: FaultInjector;
  readonly metrics: Metrics;
  readonly now: () => number;
  /** Which normal requests faults apply to; the reserved routes are always spared. */
  readonly appliesTo?: (request: FastifyRequest) => boolean;
  /** How a fault is answered; JSON `{errors: [reason]}` by default. */
  readonly sendFault?: (reply: FastifyReply, kind: FaultKind, decision: FaultDecision) => FastifyReply;
}

function sendJsonFault(reply: FastifyReply, kind: FaultKind, decision: FaultDecision): FastifyReply {
  return reply.code(FAULT_STATUS[kind]).send({ errors: [decision.reason] });
}

/** Whether any fault can ever fire: without one, the hook is not installed and costs nothing. */
export function faultsConfigured(config: FaultConfig): boolean {
  return config.errorFraction > 0 || config.maxRate > 0 || config.delayBuckets.some((delay) => delay > 0);
}

export function installFaults(app: FastifyInstance, options: FaultsOptions): void {
  const { injector, metrics, now } = options;
  if (!faultsConfigured(injector.config)) return;
  const appliesTo = options.appliesTo ?? (() => true);
  const sendFault = options.sendFault ?? sendJsonFault;
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    if (isExcludedFromFaults(request.url) || !appliesTo(request)) return;
    const decision = injector.decide(now());
    if (decision.delayMs > 0) {
      metrics.injectedDelays.inc();
      await sleep(decision.delayMs);
    }
    if (decision.fault === undefined) return;
    countFault(metrics, decision.fault);
    request.log.debug({ fault: decision.fault, reason: decision.reason }, 'injected fault');
    reply.header(FAULT_HEADER, decision.fault);
    return sendFault(reply, decision.fault, decision);
  });
}
