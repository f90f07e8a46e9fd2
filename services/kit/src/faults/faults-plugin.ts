import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { userOf } from '../http/faces-headers.js';
import type { Metrics } from '../metrics/metrics.js';
import { decideFault } from './call-faults.js';
import type { FaultControl } from './fault-control.js';
import { FAULT_STATUS, type FaultDecision, type FaultKind, faultsConfigured } from './faults.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `false`: faults, delays and rate limits never touch this route (the health, metrics and
     * control routes). Say why in a comment beside the declaration.
     */
    faults?: false;
  }
}

/** Names the injected fault on the response, so tests and audiences can tell it from a real one. */
export const FAULT_HEADER = 'x-faces-fault';

export interface FaultsOptions {
  readonly control: FaultControl;
  /** Settings may change at run time (CONTROL_TOKEN is set): the hook is then always there. */
  readonly live: boolean;
  readonly metrics: Metrics;
  readonly now: () => number;
  /** Which requests faults apply to; routes declaring `config: { faults: false }` are always spared. */
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
 * Otherwise each request goes through the one fault path (call-faults.ts decideFault), as gRPC
 * calls do: its user's injector; spared when its route declares `config: { faults: false }`.
 * A path no route matches (a 404) declares nothing: it is faulted as any GET.
 */
export function installFaults(app: FastifyInstance, options: FaultsOptions): void {
  const { control, live, metrics, now } = options;
  if (!live && !faultsConfigured(control.environment)) return;
  const appliesTo = options.appliesTo ?? (() => true);
  const sendFault = options.sendFault ?? sendJsonFault;
  const path = { faults: control, metrics, now };
  app.addHook('onRequest', async (request, reply) => {
    if (!appliesTo(request)) return;
    const spared = request.routeOptions.config.faults === false;
    const call = { protocol: 'http', method: request.method, spared, user: userOf(request) } as const;
    const decision = await decideFault(path, call);
    if (decision?.fault === undefined) return;
    request.log.debug({ fault: decision.fault, reason: decision.reason }, 'injected fault');
    reply.header(FAULT_HEADER, decision.fault);
    return sendFault(reply, decision.fault, decision);
  });
}
