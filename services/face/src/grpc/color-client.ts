import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type Client, createClient } from '@connectrpc/connect';
import { createGrpcTransport, Http2SessionManager } from '@connectrpc/connect-node';
import { type SeriesHistogram, type ServiceAddress, subPathOf } from '@faces/kit';
import { ColorService } from '@faces/kit/color-rpc';
import { type BackendObservers, backendObservers } from '../backend-observers.js';
import type { BackendClient, FaceFetch, GrpcColorFactory, PendingCall } from '../backends.js';
import type { Outcome } from '../compose.js';
import { timeoutOutcome } from '../outcomes.js';
import { outcomeOfGrpcAnswer, outcomeOfGrpcError } from './outcomes.js';

/** The cell's row and column from the query face was asked with; -1 when absent, as the original. */
function cellOf(path: string): { row: number; column: number } {
  const query = path.indexOf('?');
  if (query === -1) return { row: -1, column: -1 };
  const params = new URLSearchParams(path.slice(query + 1));
  const number = (name: string) => {
    const value = Number.parseInt(params.get(name) ?? '', 10);
    return Number.isInteger(value) && value >= -1 && value <= 2 ** 31 - 1 ? value : -1;
  };
  return { row: number('row'), column: number('col') };
}

/** A flat name, value, … list (as undici takes it) → gRPC metadata. */
function metadataOf(headers: readonly string[]): [string, string][] {
  const metadata: [string, string][] = [];
  for (let i = 0; i + 1 < headers.length; i += 2) metadata.push([headers[i] ?? '', headers[i + 1] ?? '']);
  return metadata;
}

/**
 * color over gRPC (COLOR_SERVICE=grpc://host[:port]): Center for `/center/`, Edge otherwise, on one
 * long-lived HTTP/2 connection (Connect's session manager opens it on first use and again after
 * it drops or color sends GOAWAY). The deadline goes along as grpc-timeout, so color stops too.
 */
export class GrpcColorBackend implements BackendClient {
  readonly name = 'color' as const;
  readonly where: string;
  readonly observers: BackendObservers;
  private readonly sessions: Http2SessionManager;
  readonly client: Client<typeof ColorService>;

  constructor(
    address: ServiceAddress,
    readonly timeoutMs: number,
    histogram: SeriesHistogram<'backend' | 'outcome'>,
  ) {
    this.where = `${address.host}:${address.port}`;
    this.observers = backendObservers(histogram, 'color');
    // Without TCP_NODELAY, small frames wait on the peer's delayed ACK (Nagle): about 40 ms per call.
    const createConnection = () =>
      connect({ host: address.host.replace(/^\[|\]$/g, ''), port: address.port, noDelay: true });
    this.sessions = new Http2SessionManager(address.origin, { connectTimeoutMs: timeoutMs }, { createConnection });
    const transport = createGrpcTransport({ baseUrl: address.origin, sessionManager: this.sessions });
    this.client = createClient(ColorService, transport);
  }

  call(path: string, headers: readonly string[], fetch: FaceFetch): PendingCall {
    return new GrpcColorCall(this, fetch, path, headers);
  }

  async close(): Promise<void> {
    this.sessions.abort();
  }
}

class GrpcColorCall implements PendingCall {
  private settled = false;
  private readonly abort = new AbortController();
  private readonly started = performance.now();

  constructor(
    private readonly backend: GrpcColorBackend,
    private readonly fetch: FaceFetch,
    path: string,
    headers: readonly string[],
  ) {
    const { client, timeoutMs, where } = backend;
    const options = { headers: metadataOf(headers), timeoutMs, signal: this.abort.signal };
    const request = cellOf(path);
    const call = subPathOf(path) === 'center' ? client.center(request, options) : client.edge(request, options);
    call.then(
      (answer) => this.settle(outcomeOfGrpcAnswer(where, answer.color)),
      (error: unknown) => this.settle(outcomeOfGrpcError(where, error)),
    );
  }

  expire(): void {
    if (this.settled) return;
    this.settle(timeoutOutcome(this.backend.where, this.backend.timeoutMs));
    this.abort.abort();
  }

  private settle(outcome: Outcome): void {
    if (this.settled) return;
    this.settled = true;
    this.backend.observers[outcome.kind].observe((performance.now() - this.started) / 1000);
    this.fetch.settle(this.backend, outcome);
  }
}

export const grpcColorFactory: GrpcColorFactory = (address, timeoutMs, histogram) =>
  new GrpcColorBackend(address, timeoutMs, histogram);
