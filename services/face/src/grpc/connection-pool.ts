import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { GrpcClientSettings } from '../config.js';
import { type ConnectionTarget, Http2Connection } from './h2-connection.js';

/**
 * A lookup that resolves the name anew for every connection and starts each at the next address
 * in turn: a headless Service (one address per pod) is spread over, and a pod that came or went
 * is seen on the next dial. (A ClusterIP Service has one address: kube-proxy spreads connections.)
 */
export function rotatingLookup(resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  let turn = 0;
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error !== null || addresses.length === 0) {
        (callback as (e: Error | null, a: LookupAddress[]) => void)(error, addresses ?? []);
        return;
      }
      const start = turn++ % addresses.length;
      const rotated = [...addresses.slice(start), ...addresses.slice(0, start)];
      if (options.all === true) (callback as (e: null, a: LookupAddress[]) => void)(null, rotated);
      else callback(null, rotated[0]?.address ?? '', rotated[0]?.family ?? 4);
    });
  };
}

/**
 * `settings.connections` HTTP/2 connections to one color address, taken in turn, each dialled on
 * first use and again once it is given up (closed, failed, GOAWAY, stream limit, keep-alive).
 */
export class ConnectionPool {
  private readonly slots: (Http2Connection | undefined)[];
  private turn = 0;
  private readonly lookup: LookupFunction | undefined;

  constructor(
    private readonly target: ConnectionTarget,
    private readonly settings: GrpcClientSettings,
    private readonly connectTimeoutMs: number,
  ) {
    this.slots = new Array(settings.connections).fill(undefined);
    const literal = /^\[.*\]$|^[0-9.]+$/.test(target.host);
    this.lookup = literal ? undefined : rotatingLookup();
  }

  /** The next connection in turn, dialled if its slot has none usable. */
  get(): Http2Connection {
    return this.inSlot(this.turn++ % this.slots.length);
  }

  /**
   * Where to send again a call `refused` refused: a connection dialled since, in its slot, when
   * `refused` was given up (GOAWAY: the other connections to that peer may be getting theirs);
   * another connection when `refused` still takes calls (it only refused that stream).
   */
  forRetry(refused: Http2Connection): Http2Connection {
    if (!refused.usable || this.slots.length === 1) return this.inSlot(refused.slot);
    return this.inSlot((refused.slot + 1) % this.slots.length);
  }

  private inSlot(slot: number): Http2Connection {
    let connection = this.slots[slot];
    if (connection === undefined || !connection.usable) {
      connection = new Http2Connection(slot, this.target, this.lookup, this.settings, this.connectTimeoutMs);
      this.slots[slot] = connection;
    }
    return connection;
  }

  close(): void {
    for (const connection of this.slots) connection?.destroy();
    this.slots.fill(undefined);
  }
}
