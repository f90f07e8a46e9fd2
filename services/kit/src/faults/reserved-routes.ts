/**
 * Routes that faults, delays and rate limits never touch, each with why. Matched on the exact path
 * (query ignored), so `/healthzz` or `/metrics/x` are normal requests.
 */
export const FAULT_EXCLUDED_PATHS: ReadonlyMap<string, string> = new Map([
  ['/healthz', 'liveness: a probe failure would restart the pod'],
  ['/readyz', 'readiness: injected failures would pull the pod out of the Service'],
  ['/ready', "readiness under the original's path"],
  ['/metrics', 'Prometheus must see the faults, not suffer them'],
  ['/rl', "face's rate report: a control route that must not move the rate it reports"],
  ['/faults', 'live fault control: a presenter must be able to mend a service that fails everything'],
  ['/faults/face', "the GUI's way to face's fault control: spared like the control itself"],
  ['/faults/smiley', "the way to smiley's fault control (through the GUI and face): spared like it"],
  ['/faults/color', "the way to color's fault control (through the GUI and face): spared like it"],
]);

export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

export function isExcludedFromFaults(url: string): boolean {
  return FAULT_EXCLUDED_PATHS.has(pathOf(url));
}

/**
 * Methods that faults never touch either (the faults hook serves GET and HEAD only; this says why
 * the others are spared). Updates are also left out of MAX_RATE's count and the latch.
 */
export const FAULT_EXCLUDED_METHODS: ReadonlyMap<string, string> = new Map([
  ['PUT', "run-time updates (smiley, color): a presenter's change must never fail at random"],
]);

/** gRPC methods spared by faults, by full name, each with why. */
export const FAULT_EXCLUDED_GRPC_METHODS: ReadonlyMap<string, string> = new Map([
  ['/ColorService/UpdateColor', 'the gRPC run-time update: as a PUT, never failed, delayed or rate-limited'],
]);
