import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultControl } from './fault-control.js';
import { FAULT_STATUS, type FaultDecision, type FaultInjector, type FaultKind, faultsConfigured } from './faults.js';
import { userOf } from './http/faces-headers.js';
import { countFault, type Metrics } from './metrics/metrics.js';
import { isExcludedFromFaults } from './reserved-routes.js';

/** Names the injected fault on the response, so tests and audiences can tell it from a real one. */
export const FAULT_HEADER = 'x-faces-fault';

export interface FaultsOptions {
  readonly control: FaultControl;
  /** Settings may change at run time (CONTROL_TOKEN is set): the hook is then always there. */
  readonly live: boolean;
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

export { faultsConfigured };

/**
 * Without live control and with no fault configured, the hook is not installed and costs nothing.
 * With live control, each request takes its user's injector (the base one for everyone without
 * settings of their own); an injector that can inject nothing is skipped without a draw.
 */
export function installFaults(app: FastifyInstance, options: FaultsOptions): void {
  const { control, live, metrics, now } = options;
  if (!live && !faultsConfigured(control.environment)) return;
  const injectorOf = live ? (request: FastifyRequest) => control.injectorFor(userOf(request)) : () => control.base;
  const appliesTo = options.appliesTo ?? (() => true);
  const sendFault = options.sendFault ?? sendJsonFault;
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    if (isExcludedFromFaults(request.url) || !appliesTo(request)) return;
    const injector: FaultInjector | undefined = injectorOf(request);
    if (injector === undefined) return;
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
