import { performance } from 'node:perf_hooks';
import { GrpcCode, type SeriesHistogram, type ServiceAddress, subPathOf } from '@faces/kit';
import {
  ColorRequestSchema,
  ColorResponseSchema,
  ColorService,
  create,
  fromBinary,
  toBinary,
} from '@faces/kit/color-rpc';
import { type BackendObservers, backendObservers } from '../backend-observers.js';
import type { BackendClient, FaceFetch, GrpcColorFactory, PendingCall } from '../backends.js';
import type { Outcome } from '../compose.js';
import type { GrpcClientSettings } from '../config.js';
import { timeoutOutcome } from '../outcomes.js';
import { ConnectionPool } from './connection-pool.js';
import type { Http2Connection } from './h2-connection.js';
import { outcomeOfGrpcAnswer, outcomeOfGrpcStatus } from './outcomes.js';
import { UnaryClientCall, type UnaryRequest, type UnaryResult } from './unary-client-call.js';

/** The most a ColorResponse may be: a color is a few bytes (color's own request limit). */
const MAX_REPLY_BYTES = 4096;
const CENTER_PATH = `/${ColorService.typeName}/Center`;
const EDGE_PATH = `/${ColorService.typeName}/Edge`;

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

/** A finished call → its outcome: the reply's color, or the status as outcomes.ts maps it. */
function outcomeOf(where: string, result: UnaryResult): Outcome {
  if (!('reply' in result)) return outcomeOfGrpcStatus(where, result.code, result.message);
  try {
    return outcomeOfGrpcAnswer(where, fromBinary(ColorResponseSchema, result.reply).color);
  } catch (error) {
    return outcomeOfGrpcStatus(
      where,
      GrpcCode.INTERNAL,
      `the reply is not a ColorResponse: ${(error as Error).message}`,
    );
  }
}

/**
 * color over gRPC (COLOR_SERVICE=grpc://host[:port]): Center for `/center/`, Edge otherwise, over
 * a few long-lived HTTP/2 connections taken in turn (connection-pool.ts, h2-connection.ts), one
 * stream per call (unary-client-call.ts). The deadline goes along as grpc-timeout, so color stops
 * too; at face's own deadline (FaceFetch's timer) the stream is cancelled. A call color refused
 * before processing it is sent once more on another connection, as grpc-js's transparent retry.
 */
export class GrpcColorBackend implements BackendClient {
  readonly name = 'color' as const;
  readonly where: string;
  readonly observers: BackendObservers;
  readonly pool: ConnectionPool;

  constructor(
    address: ServiceAddress,
    readonly timeoutMs: number,
    histogram: SeriesHistogram<'backend' | 'outcome'>,
    settings: GrpcClientSettings,
  ) {
    this.where = `${address.host}:${address.port}`;
    this.observers = backendObservers(histogram, 'color');
    this.pool = new ConnectionPool(address, settings, timeoutMs);
  }

  call(path: string, headers: readonly string[], fetch: FaceFetch): PendingCall {
    return new GrpcColorCall(this, fetch, path, headers);
  }

  async close(): Promise<void> {
    this.pool.close();
  }
}

class GrpcColorCall implements PendingCall {
  private settled = false;
  private readonly started = performance.now();
  private unary: UnaryClientCall;
  private retried = false;

  constructor(
    private readonly backend: GrpcColorBackend,
    private readonly fetch: FaceFetch,
    path: string,
    metadata: readonly string[],
  ) {
    const message = toBinary(ColorRequestSchema, create(ColorRequestSchema, cellOf(path)));
    const request = {
      path: subPathOf(path) === 'center' ? CENTER_PATH : EDGE_PATH,
      metadata,
      message,
      timeoutMs: backend.timeoutMs,
      maxReplyBytes: MAX_REPLY_BYTES,
    };
    this.unary = this.attempt(backend.pool.get(), request);
  }

  private attempt(connection: Http2Connection, request: UnaryRequest): UnaryClientCall {
    return new UnaryClientCall(connection, request, (result) => {
      // Refused before processing: once more on another connection, within what is left of the deadline.
      if ('refused' in result && !this.retried && !this.settled) {
        this.retried = true;
        const timeoutMs = this.backend.timeoutMs - (performance.now() - this.started);
        if (timeoutMs >= 1) {
          this.unary = this.attempt(this.backend.pool.forRetry(connection), { ...request, timeoutMs });
          return;
        }
      }
      this.settle(outcomeOf(this.backend.where, result));
    });
  }

  expire(): void {
    if (this.settled) return;
    this.settle(timeoutOutcome(this.backend.where, this.backend.timeoutMs));
    this.unary.cancel();
  }

  private settle(outcome: Outcome): void {
    if (this.settled) return;
    this.settled = true;
    this.backend.observers[outcome.kind].observe((performance.now() - this.started) / 1000);
    this.fetch.settle(this.backend, outcome);
  }
}

export const grpcColorFactory: GrpcColorFactory = (address, timeoutMs, histogram, settings) =>
  new GrpcColorBackend(address, timeoutMs, histogram, settings);
