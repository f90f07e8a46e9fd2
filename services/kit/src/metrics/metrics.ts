import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { FaultKind } from '../faults/faults.js';
import { type HistogramSeries, SeriesHistogram } from './series-histogram.js';

export type RequestLabel = 'method' | 'path' | 'status' | 'grpc_status';

export const DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One registry per app (never prom-client's global), so apps in one process stay apart. */
export interface Metrics {
  readonly registry: Registry;
  /** HTTP requests, and gRPC calls with a grpc_status label as well (grpc-metrics.ts). */
  readonly requestDuration: SeriesHistogram<RequestLabel>;
  /** Requests received and not yet finished: a plain number on the hot path, read at scrape time. */
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
    help: 'HTTP requests received and not yet finished (answered, or given up by the client)',
    registers: [registry],
    collect() {
      this.set(inFlight.count);
    },
  });
  return {
    registry,
    requestDuration: new SeriesHistogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request or a gRPC call, by method, route pattern (gRPC: /Service/Method), status code (499: client hung up first; gRPC: the HTTP equivalent of grpc_status) and, for gRPC only, grpc_status',
      labelNames: ['method', 'path', 'status', 'grpc_status'],
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
 * nginx's "client closed request": the client hung up before the answer was given. It is
 * not a 5xx, so a success rate taken from 5xx (Flagger's request-success-rate, most dashboards)
 * does not count a hang-up against the service; the duration still shows how long it waited.
 */
export const CLIENT_CLOSED_REQUEST = 499;
/** Node's request timeout (REQUEST_TIMEOUT_MS) ended a request that had reached the kit. */
const REQUEST_TIMEOUT = 408;

/** The status to record for a response that closed before it finished. */
function unfinishedStatus(request: FastifyRequest): number {
  const failure = request.raw.socket?.errored as { code?: string } | null | undefined;
  return failure?.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? REQUEST_TIMEOUT : CLIENT_CLOSED_REQUEST;
}

/**
 * Counts a request in when it arrives and out when its response closes, however it ends: 'close'
 * comes once for every response, after the answer went out or when the client hung up first.
 * Fastify's onResponse hook fires only after a complete answer, so a hang-up would stay in
 * flight for ever and never reach the histogram. Called from the kit's one onRequest hook
 * (server.ts): one listener per request, in place of an onResponse hook.
 */
export function requestRecorder(metrics: Metrics): (request: FastifyRequest, reply: FastifyReply) => void {
  const observers = new Map<string, HistogramSeries<RequestLabel>>();
  const record = (request: FastifyRequest, reply: FastifyReply) => {
    metrics.inFlight.count--;
    const status = reply.raw.writableEnded ? reply.statusCode : unfinishedStatus(request);
    const path = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    const key = `${request.method} ${status} ${path}`;
    let observer = observers.get(key);
    if (observer === undefined) {
      observer = metrics.requestDuration.series({ method: request.method, path, status });
      observers.set(key, observer);
    }
    observer.observe(reply.elapsedTime / 1000);
  };
  return (request, reply) => {
    metrics.inFlight.count++;
    reply.raw.on('close', () => record(request, reply));
  };
}

/** Serves GET /metrics. */
export function installMetrics(app: FastifyInstance, metrics: Metrics): void {
  // Prometheus must see the faults, not suffer them.
  app.get('/metrics', { config: { faults: false } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
