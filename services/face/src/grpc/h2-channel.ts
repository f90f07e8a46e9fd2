import { type ClientHttp2Session, connect } from 'node:http2';
import { connect as connectTcp } from 'node:net';
import type { ServiceAddress } from '@faces/kit';

/**
 * One long-lived HTTP/2 connection to an address: opened on first use, and again on the next use
 * after it closed, failed or got GOAWAY (Node then lets its streams in progress finish). A
 * connection not up within `connectTimeoutMs` is given up (its calls fail UNAVAILABLE).
 */
export class Http2Channel {
  private session: ClientHttp2Session | undefined;

  constructor(
    private readonly address: ServiceAddress,
    private readonly connectTimeoutMs: number,
  ) {}

  get(): ClientHttp2Session {
    const session = this.session;
    if (session !== undefined && !session.closed && !session.destroyed) return session;
    return this.open();
  }

  close(): void {
    this.session?.destroy();
    this.session = undefined;
  }

  private open(): ClientHttp2Session {
    const { host, port, origin } = this.address;
    // Without TCP_NODELAY, small frames wait on the peer's delayed ACK (Nagle): about 40 ms per call.
    const createConnection = () => connectTcp({ host: host.replace(/^\[|\]$/g, ''), port, noDelay: true });
    const session = connect(origin, { createConnection });
    this.session = session;
    const drop = () => {
      if (this.session === session) this.session = undefined;
    };
    const timer = setTimeout(
      () => session.destroy(new Error(`no connection within ${this.connectTimeoutMs} ms`)),
      this.connectTimeoutMs,
    );
    session.once('connect', () => clearTimeout(timer));
    session.once('close', () => {
      clearTimeout(timer);
      drop();
    });
    session.once('goaway', drop);
    // A failed session fails its streams with the error (each call reports it); here it is only dropped.
    session.on('error', drop);
    return session;
  }
}
