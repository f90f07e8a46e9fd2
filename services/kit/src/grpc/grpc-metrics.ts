import type { Metrics } from '../metrics/metrics.js';
import type { HistogramSeries } from '../metrics/series-histogram.js';

/** The HTTP/2 method every gRPC call is made with: the `method` label of a call's series. */
export const GRPC_HTTP_METHOD = 'POST';

/**
 * The HTTP status a gRPC status stands for (the mapping of grpc-gateway and of Google's APIs),
 * so a query on `status` (Flagger's success rate: not 5xx) counts gRPC failures as HTTP ones.
 */
const HTTP_STATUS_OF_GRPC: readonly number[] = [
  200, // 0 OK
  499, // 1 CANCELLED: the client gave up, as an HTTP hang-up is counted
  500, // 2 UNKNOWN
  400, // 3 INVALID_ARGUMENT
  504, // 4 DEADLINE_EXCEEDED
  404, // 5 NOT_FOUND
  409, // 6 ALREADY_EXISTS
  403, // 7 PERMISSION_DENIED
  429, // 8 RESOURCE_EXHAUSTED
  400, // 9 FAILED_PRECONDITION
  409, // 10 ABORTED
  400, // 11 OUT_OF_RANGE
  501, // 12 UNIMPLEMENTED
  500, // 13 INTERNAL
  503, // 14 UNAVAILABLE
  500, // 15 DATA_LOSS
  401, // 16 UNAUTHENTICATED
];

const GRPC_STATUS_NAMES: readonly string[] = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

/** A gRPC status code's name as gRPC spells it (8 → RESOURCE_EXHAUSTED). */
export function grpcStatusName(code: number): string {
  return GRPC_STATUS_NAMES[code] ?? `status ${code}`;
}

export function httpStatusOfGrpc(code: number): number {
  return HTTP_STATUS_OF_GRPC[code] ?? 500;
}

/**
 * Records one finished gRPC call in http_request_duration_seconds: `method` POST, `path` the full
 * method name (/ColorService/Center), `status` the HTTP equivalent and `grpc_status` the numeric
 * gRPC code (as Linkerd's own metrics label it). One series per (path, code), made on first use.
 */
export function grpcCallRecorder(metrics: Metrics): (path: string, code: number, seconds: number) => void {
  const observers = new Map<string, HistogramSeries<'method' | 'path' | 'status' | 'grpc_status'>>();
  return (path, code, seconds) => {
    const key = `${code} ${path}`;
    let observer = observers.get(key);
    if (observer === undefined) {
      observer = metrics.requestDuration.series({
        method: GRPC_HTTP_METHOD,
        path,
        status: httpStatusOfGrpc(code),
        grpc_status: code,
      });
      observers.set(key, observer);
    }
    observer.observe(seconds);
  };
}
