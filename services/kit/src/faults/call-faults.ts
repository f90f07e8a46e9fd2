import { setTimeout as sleep } from 'node:timers/promises';
import { countFault, type Metrics } from '../metrics/metrics.js';
import type { FaultControl } from './fault-control.js';
import type { FaultDecision, FaultInjector } from './faults.js';

/**
 * What the fault path knows of a call, whichever protocol brought it. `spared` is what the call's
 * route or method declares, where it is declared (each with its reason beside it): an HTTP route's
 * `config: { faults: false }` (faults-plugin.ts), a gRPC method's entry in its service's table.
 */
export type FaultCall =
  /** An HTTP request: its method (faults touch GET and HEAD only). */
  | { readonly protocol: 'http'; readonly method: string; readonly spared: boolean; readonly user: string }
  | { readonly protocol: 'grpc'; readonly spared: boolean; readonly user: string };

/** What the fault path needs of the service: the kit context has all three. */
export interface FaultPath {
  readonly faults: FaultControl;
  readonly metrics: Metrics;
  readonly now: () => number;
}

/**
 * Spared: a call whose route or method says so, and (the kit's own rule) every HTTP method but GET
 * and HEAD: a run-time update (PUT) or a control call must never fail at random.
 */
function isSpared(call: FaultCall): boolean {
  return call.spared || (call.protocol === 'http' && call.method !== 'GET' && call.method !== 'HEAD');
}

/**
 * The injector that decides `call`: its user's (the base one for users without settings of their
 * own), or undefined when the call is spared or nothing could be injected (then no draw is made).
 */
export function injectorForCall(faults: FaultControl, call: FaultCall): FaultInjector | undefined {
  return isSpared(call) ? undefined : faults.injectorFor(call.user);
}

/**
 * THE fault path of both protocols (faults-plugin.ts for HTTP, color's gRPC methods): picks the
 * call's injector, draws its decision, counts and waits the delay (cut short when `signal`
 * aborts: the caller gave up) and counts the fault. Resolves with the fault to answer, or
 * undefined to serve the call.
 */
export async function decideFault(
  path: FaultPath,
  call: FaultCall,
  signal?: AbortSignal,
): Promise<FaultDecision | undefined> {
  const injector = injectorForCall(path.faults, call);
  if (injector === undefined) return undefined;
  const decision = injector.decide(path.now());
  if (decision.delayMs > 0) {
    path.metrics.injectedDelays.inc();
    await sleep(decision.delayMs, undefined, { signal });
  }
  if (decision.fault === undefined) return undefined;
  countFault(path.metrics, decision.fault);
  return decision;
}
