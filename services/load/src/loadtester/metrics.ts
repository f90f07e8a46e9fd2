import { Counter, Gauge, type Registry } from 'prom-client';

/** The loadtester's own metrics, on the kit's per-app registry. */
export interface LoadtesterMetrics {
  readonly runsStarted: Counter<'type'>;
  readonly runsSkipped: Counter;
  readonly runsRefused: Counter;
  readonly runsRunning: Gauge;
  readonly requestsSent: Counter;
  readonly lastRunSuccessRatio: Gauge;
}

export function createLoadtesterMetrics(registry: Registry): LoadtesterMetrics {
  return {
    runsStarted: new Counter({
      name: 'faces_loadtester_runs_started_total',
      help: 'Load runs started, by webhook type (cmd: in the background, bash: blocking)',
      labelNames: ['type'],
      registers: [registry],
    }),
    runsSkipped: new Counter({
      name: 'faces_loadtester_runs_skipped_total',
      help: 'cmd webhooks skipped because the same canary and command were already running',
      registers: [registry],
    }),
    runsRefused: new Counter({
      name: 'faces_loadtester_runs_refused_total',
      help: 'Webhooks answered 503 because MAX_RUNS runs or MAX_RUNNING_WORKERS workers were already going',
      registers: [registry],
    }),
    runsRunning: new Gauge({
      name: 'faces_loadtester_runs_running',
      help: 'Load runs in progress',
      registers: [registry],
    }),
    requestsSent: new Counter({
      name: 'faces_loadtester_requests_sent_total',
      help: 'Requests sent by load runs (answered or failed)',
      registers: [registry],
    }),
    lastRunSuccessRatio: new Gauge({
      name: 'faces_loadtester_last_run_success_ratio',
      help: 'Share of 2xx and 3xx answers among the requests of the last finished run (0 to 1)',
      registers: [registry],
    }),
  };
}
