import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultDecision } from './faults.js';
import { faultsConfigured } from './faults-plugin.js';
import type { KitContext } from './http/server.js';
import { countFault } from './metrics/metrics.js';

/**
 * Faults for a call that is not a Fastify request (a gRPC call): the same injector's decide(), the
 * same counters, the delay waited here (cut short when `signal` aborts: the caller gave up).
 * Resolves with the fault to answer, or undefined to serve the call. As the HTTP hook, does
 * nothing when no fault is configured.
 */
export async function decideCallFault(kit: KitContext, signal?: AbortSignal): Promise<FaultDecision | undefined> {
  const { injector, metrics, now } = kit;
  if (!faultsConfigured(injector.config)) return undefined;
  const decision = injector.decide(now());
  if (decision.delayMs > 0) {
    metrics.injectedDelays.inc();
    await sleep(decision.delayMs, undefined, { signal });
  }
  if (decision.fault === undefined) return undefined;
  countFault(metrics, decision.fault);
  return decision;
}
