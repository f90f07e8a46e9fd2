import { type ClientHttp2Session, type ClientHttp2Stream, connect, type OutgoingHttpHeaders } from 'node:http2';
import { connect as connectTcp, type LookupFunction } from 'node:net';
import type { GrpcClientSettings } from '../config.js';

export interface ConnectionTarget {
  readonly host: string;
  readonly port: number;
  readonly origin: string;
}

/**
 * One HTTP/2 connection to color, as grpc-js keeps its transports: it is given up once it closed,
 * failed, got GOAWAY or met its stream limit (the calls open on it then finish there); a
 * connection not up within `connectTimeoutMs` is destroyed; while calls are open, a PING goes out
 * every `keepaliveMs` and one unanswered for `keepaliveTimeoutMs` destroys it (the peer is alive
 * but the connection froze: a new one would be served).
 */
export class Http2Connection {
  private readonly session: ClientHttp2Session;
  private opened = 0;
  private open = 0;
  private retired = false;
  private keepalive: NodeJS.Timeout | undefined;
  private pingPending = false;

  constructor(
    /** The pool's slot this connection fills. */
    readonly slot: number,
    target: ConnectionTarget,
    lookup: LookupFunction | undefined,
    private readonly settings: GrpcClientSettings,
    connectTimeoutMs: number,
  ) {
    const host = target.host.replace(/^\[|\]$/g, '');
    // Without TCP_NODELAY, small frames wait on the peer's delayed ACK (Nagle): about 40 ms per call.
    const createConnection = () =>
      connectTcp({ host, port: target.port, noDelay: true, ...(lookup ? { lookup } : {}) });
    const session = connect(target.origin, { createConnection });
    this.session = session;
    const timer = setTimeout(
      () => session.destroy(new Error(`no connection within ${connectTimeoutMs} ms`)),
      connectTimeoutMs,
    );
    session.once('connect', () => clearTimeout(timer));
    session.once('close', () => {
      clearTimeout(timer);
      this.stopKeepalive();
      this.retired = true;
    });
    const retire = () => {
      this.retired = true;
    };
    session.once('goaway', retire);
    // A failed session fails its streams with the error (each call reports it); here it is only given up.
    session.on('error', retire);
  }

  /** Whether new calls may go on this connection. */
  get usable(): boolean {
    return !this.retired && !this.session.closed && !this.session.destroyed;
  }

  /**
   * Opens a stream for one call. Throws when the session cannot take it (closing, destroyed, out
   * of stream ids): the call was never sent.
   */
  request(headers: OutgoingHttpHeaders): ClientHttp2Stream {
    if (!this.usable) throw new Error('the connection is closing');
    let stream: ClientHttp2Stream;
    try {
      stream = this.session.request(headers);
    } catch (error) {
      // As grpc-js: a session that cannot open a stream is given up, whatever it says of itself.
      this.retired = true;
      throw error;
    }
    this.opened++;
    if (this.opened >= this.settings.maxStreamsPerConnection) this.retire();
    this.open++;
    stream.once('close', () => {
      if (--this.open === 0 && this.retired) this.closeSession();
    });
    if (this.keepalive === undefined && !this.pingPending) this.scheduleKeepalive();
    return stream;
  }

  /** No new calls; the open ones finish, then the connection closes (GOAWAY to the peer). */
  retire(): void {
    this.retired = true;
    if (this.open === 0) this.closeSession();
  }

  /**
   * Only once no stream is open: Node's session.close() refuses (REFUSED_STREAM) the streams it
   * has not sent yet, which would fail calls just handed to this connection.
   */
  private closeSession(): void {
    if (!this.session.closed && !this.session.destroyed) this.session.close();
  }

  destroy(): void {
    this.retired = true;
    this.stopKeepalive();
    this.session.destroy();
  }

  private scheduleKeepalive(): void {
    this.keepalive = setTimeout(() => this.ping(), this.settings.keepaliveMs);
    this.keepalive.unref();
  }

  private ping(): void {
    this.keepalive = undefined;
    if (this.open === 0 || this.session.destroyed) return;
    const { keepaliveTimeoutMs } = this.settings;
    const deadline = setTimeout(() => {
      this.session.destroy(new Error(`no answer to an HTTP/2 PING within ${keepaliveTimeoutMs} ms`));
    }, keepaliveTimeoutMs);
    deadline.unref();
    this.pingPending = true;
    let sent = false;
    try {
      sent = this.session.ping((error) => {
        clearTimeout(deadline);
        this.pingPending = false;
        if (error === null && this.open > 0 && !this.session.destroyed) this.scheduleKeepalive();
      });
    } catch {
      // A session closing under us: as below.
    }
    if (!sent) {
      // Node sends no PING on a closing session (after GOAWAY): its calls end by their deadline.
      clearTimeout(deadline);
      this.pingPending = false;
    }
  }

  private stopKeepalive(): void {
    clearTimeout(this.keepalive);
    this.keepalive = undefined;
  }
}
