import { performance } from 'node:perf_hooks';
import { BufferedCall, SeriesHistogram, type ServiceAddress } from '@faces/kit';
import { Pool } from '@faces/kit/undici-pool';
import type { Registry } from 'prom-client';
import { type BackendObservers, backendObservers } from './backend-observers.js';
import type { BackendName, Outcome } from './compose.js';
import type { ColorBackendAddress, GrpcClientSettings } from './config.js';
import { outcomeOfAnswer, outcomeOfError, timeoutOutcome } from './outcomes.js';

/** The most a backend may answer; its body is one small JSON object. */
const MAX_BODY_BYTES = 64 * 1024;

export interface BackendOptions {
  readonly timeoutMs: number;
  readonly connections: number;
  /** face's gRPC client to color, when COLOR_SERVICE is grpc://. */
  readonly grpc: GrpcClientSettings;
}

/** A call in progress: FaceFetch's deadline may end it. */
export interface PendingCall {
  expire(): void;
}

/** A backend face calls: over HTTP/1.1 (Backend) or, for color, gRPC (grpc/color-client.ts). */
export interface BackendClient {
  readonly name: BackendName;
  /** host:port, as errors name it. */
  readonly where: string;
  /** Starts a call on `path` (with its query); it settles on `fetch` exactly once. */
  call(path: string, headers: readonly string[], fetch: FaceFetch): PendingCall;
  close(): Promise<void>;
}

export function createBackendHistogram(registry: Registry): SeriesHistogram<'backend' | 'outcome'> {
  return new SeriesHistogram({
    name: 'faces_backend_request_duration_seconds',
    help: "Time face waited for a backend's answer, by backend and outcome (ok, error, timeout, rate-limited)",
    labelNames: ['backend', 'outcome'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registry,
  });
}

/** One backend over HTTP/1.1: a pool of kept-alive connections, and what its answers mean. */
export class Backend implements BackendClient {
  readonly pool: Pool;
  readonly where: string;
  private readonly observers: BackendObservers;
  // Backends answer the same bytes again and again: the last good body's outcome is reused as is.
  private lastBody: Buffer | undefined;
  private lastOutcome: Outcome | undefined;

  constructor(
    readonly name: BackendName,
    address: ServiceAddress,
    readonly options: BackendOptions,
    histogram: SeriesHistogram<'backend' | 'outcome'>,
  ) {
    this.where = `${address.host}:${address.port}`;
    this.pool = new Pool(address.origin, {
      connections: options.connections,
      pipelining: 1,
      connectTimeout: options.timeoutMs,
      // Face's own deadline (FaceFetch) governs; these only back it up.
      headersTimeout: options.timeoutMs * 2,
      bodyTimeout: options.timeoutMs * 2,
      keepAliveTimeout: 10_000,
      maxResponseSize: MAX_BODY_BYTES,
    });
    // Every outcome's series exists (at zero) from the start, so dashboards see all four.
    this.observers = backendObservers(histogram, name);
  }

  call(path: string, headers: readonly string[], fetch: FaceFetch): PendingCall {
    const call = new BackendCall(this, fetch);
    this.pool.dispatch({ path, method: 'GET', headers: headers as string[] }, call);
    return call;
  }

  observe(outcome: Outcome, seconds: number): void {
    this.observers[outcome.kind].observe(seconds);
  }

  answer(status: number, body: Buffer): Outcome {
    if (status === 200 && this.lastBody !== undefined && this.lastOutcome !== undefined && body.equals(this.lastBody)) {
      return this.lastOutcome;
    }
    const outcome = outcomeOfAnswer(this.name, this.where, status, body.toString('utf8'));
    if (status === 200 && outcome.kind === 'ok') {
      this.lastBody = Buffer.from(body);
      this.lastOutcome = outcome;
    }
    return outcome;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** One call to one backend: FaceFetch's deadline ends it with expire() (no timer of its own). */
class BackendCall extends BufferedCall implements PendingCall {
  private readonly started = performance.now();

  constructor(
    readonly backend: Backend,
    private readonly fetch: FaceFetch,
  ) {
    super(MAX_BODY_BYTES);
  }

  protected answered(status: number, body: Buffer): void {
    this.report(this.backend.answer(status, body));
  }

  protected failed(reason: Error | 'timeout'): void {
    this.report(
      reason === 'timeout'
        ? timeoutOutcome(this.backend.where, this.backend.options.timeoutMs)
        : outcomeOfError(this.backend.where, reason),
    );
  }

  private report(outcome: Outcome): void {
    this.backend.observe(outcome, (performance.now() - this.started) / 1000);
    this.fetch.settle(this.backend, outcome);
  }
}

const PENDING: Outcome = Object.freeze({ kind: 'error', detail: 'pending' });

function expireFetch(fetch: FaceFetch): void {
  fetch.expire();
}

/** Both backends called at once on the same path, under one deadline; resolves when both settled. */
export class FaceFetch {
  smiley: Outcome = PENDING;
  color: Outcome = PENDING;
  private pending = 2;
  private readonly smileyCall: PendingCall;
  private readonly colorCall: PendingCall;
  private readonly timer: NodeJS.Timeout;

  constructor(
    smiley: BackendClient,
    color: BackendClient,
    path: string,
    headers: readonly string[],
    timeoutMs: number,
    private readonly resolve: (fetch: FaceFetch) => void,
  ) {
    this.timer = setTimeout(expireFetch, timeoutMs, this);
    this.smileyCall = smiley.call(path, headers, this);
    this.colorCall = color.call(path, headers, this);
  }

  settle(backend: BackendClient, outcome: Outcome): void {
    if (backend.name === 'smiley') this.smiley = outcome;
    else this.color = outcome;
    if (--this.pending === 0) {
      clearTimeout(this.timer);
      this.resolve(this);
    }
  }

  expire(): void {
    this.smileyCall.expire();
    this.colorCall.expire();
  }
}

/** Makes the gRPC color backend (grpc/color-client.ts), loaded only when COLOR_SERVICE is grpc://. */
export type GrpcColorFactory = (
  address: ServiceAddress,
  timeoutMs: number,
  histogram: SeriesHistogram<'backend' | 'outcome'>,
  settings: GrpcClientSettings,
) => BackendClient;

/** The two backends face composes from; closed when the app closes. */
export class Backends {
  readonly smiley: BackendClient;
  readonly color: BackendClient;
  /**
   * Each backend's HTTP/1.1 pool, for control calls (`/faults`): a color spoken to over gRPC still
   * serves HTTP on the same port, through a small pool of its own.
   */
  readonly controlPools: Readonly<Record<BackendName, Pool>>;
  private readonly ownControlPool: Pool | undefined;

  constructor(
    smiley: ServiceAddress,
    color: ColorBackendAddress,
    private readonly options: BackendOptions,
    registry: Registry,
    grpcColor?: GrpcColorFactory,
  ) {
    const histogram = createBackendHistogram(registry);
    this.smiley = new Backend('smiley', smiley, options, histogram);
    if (color.protocol === 'grpc') {
      if (grpcColor === undefined) throw new Error('COLOR_SERVICE is grpc:// but no gRPC client was loaded');
      this.color = grpcColor(color, options.timeoutMs, histogram, options.grpc);
    } else {
      this.color = new Backend('color', color, options, histogram);
    }
    const smileyBackend = this.smiley as Backend;
    this.ownControlPool =
      this.color instanceof Backend
        ? undefined
        : new Pool(`http://${color.host}:${color.port}`, { connections: 2, connectTimeout: options.timeoutMs });
    this.controlPools = {
      smiley: smileyBackend.pool,
      color: this.color instanceof Backend ? this.color.pool : (this.ownControlPool as Pool),
    };
  }

  /** Calls both on `path` (with its query) with these headers (a flat name, value, … list). */
  fetch(path: string, headers: readonly string[]): Promise<FaceFetch> {
    return new Promise((resolve) => {
      new FaceFetch(this.smiley, this.color, path, headers, this.options.timeoutMs, resolve);
    });
  }

  async close(): Promise<void> {
    await Promise.all([this.smiley.close(), this.color.close(), this.ownControlPool?.close()]);
  }
}
