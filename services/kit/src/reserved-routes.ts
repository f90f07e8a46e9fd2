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
