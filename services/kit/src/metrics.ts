import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { FaultKind } from './faults.js';
import { type HistogramSeries, SeriesHistogram } from './series-histogram.js';

export const DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One registry per app (never prom-client's global), so apps in one process stay apart. */
export interface Metrics {
  readonly registry: Registry;
  readonly requestDuration: SeriesHistogram<'method' | 'path' | 'status'>;
  /** Requests received and not yet answered: a plain number on the hot path, read at scrape time. */
  readonly inFlight: { count: number };
  readonly injectedFaults: Counter<'kind'>;
  readonly injectedDelays: Counter;
}

export function createMetrics(service: string, withProcessMetrics = true): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (withProcessMetrics) collectDefaultMetrics({ register: registry });
  const inFlight = { count: 0 };
  new Gauge({
    name: 'http_requests_in_flight',
    help: 'HTTP requests received and not yet answered',
    registers: [registry],
    collect() {
      this.set(inFlight.count);
    },
  });
  return {
    registry,
    requestDuration: new SeriesHistogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route pattern and status code',
      labelNames: ['method', 'path', 'status'],
      buckets: DURATION_BUCKETS,
      registry,
    }),
    inFlight,
    injectedFaults: new Counter({
      name: 'faces_injected_faults_total',
      help: 'Injected failures by kind: error (500), latched (599), rate-limited (429)',
      labelNames: ['kind'],
      registers: [registry],
    }),
    injectedDelays: new Counter({
      name: 'faces_injected_delays_total',
      help: 'Requests delayed by DELAY_BUCKETS (non-zero delays only)',
      registers: [registry],
    }),
  };
}

export function countFault(metrics: Metrics, kind: FaultKind): void {
  metrics.injectedFaults.inc({ kind });
}

/**
 * Records every answered request and serves GET /metrics. The request's start is counted in the
 * kit's one onRequest hook (server.ts): every hook is a call per request.
 */
export function installMetrics(app: FastifyInstance, metrics: Metrics): void {
  const observers = new Map<string, HistogramSeries<'method' | 'path' | 'status'>>();
  app.addHook('onResponse', (request, reply, done) => {
    metrics.inFlight.count--;
    const path = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    const key = `${request.method} ${reply.statusCode} ${path}`;
    let observer = observers.get(key);
    if (observer === undefined) {
      observer = metrics.requestDuration.series({ method: request.method, path, status: reply.statusCode });
      observers.set(key, observer);
    }
    observer.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
