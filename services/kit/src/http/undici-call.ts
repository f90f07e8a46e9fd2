import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';

// Plain errors with undici's codes: importing undici's error classes here would load its pool in
// every service that imports the kit (smiley and color never call out).
/** Aborts a connection whose call was abandoned (its deadline passed first). */
const ABANDONED = Object.assign(new Error('the caller abandoned the call'), { code: 'UND_ERR_ABORTED' });
/** The cap's refusal, with the code undici's own maxResponseSize refusal has. */
function tooLarge(maxBytes: number): Error {
  return Object.assign(new Error(`the answer passed ${maxBytes} bytes`), { code: 'UND_ERR_RES_EXCEEDED_MAX_SIZE' });
}
const EMPTY = Buffer.alloc(0);

/**
 * One call through an undici pool, as a dispatch handler that buffers the answer: no response
 * stream and no promise per call, just the status and the body bytes (face's backends, the GUI's
 * proxy to face, control forwards, faces mcp's backend calls). It settles exactly once, by calling `answered` or `failed`:
 * on the answer, on a transport error, past `maxBytes` of body, or at `expire()` (then the
 * connection is aborted, since a hung peer must not keep it). With a `timeoutMs` the call sets
 * its own timer; without one, the caller calls `expire()` (face's deadline covers both backends).
 */
export abstract class BufferedCall implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private settled = false;
  private status = 0;
  private bytes = 0;
  private body: Buffer | undefined;
  private chunks: Buffer[] | undefined;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly maxBytes: number,
    timeoutMs?: number,
  ) {
    if (timeoutMs !== undefined) this.timer = setTimeout(expireCall, timeoutMs, this);
  }

  /** The whole answer arrived. */
  protected abstract answered(status: number, body: Buffer): void;
  /** No usable answer: a transport error, a body past the cap, or 'timeout' when `expire()` came first. */
  protected abstract failed(reason: Error | 'timeout'): void;
  /** The answer's headers, for a call that keeps some; called before any body. */
  protected headers(_received: IncomingHttpHeaders): void {}

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.settled) controller.abort(ABANDONED);
    else this.controller = controller;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    this.status = statusCode;
    this.headers(headers);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.settle(tooLarge(this.maxBytes));
      controller.abort(ABANDONED);
      return;
    }
    // Most answers are one chunk: kept as is, with no array and no copy.
    if (this.body === undefined) {
      this.body = chunk;
    } else {
      this.chunks ??= [this.body];
      this.chunks.push(chunk);
    }
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.answered(this.status, this.chunks === undefined ? (this.body ?? EMPTY) : Buffer.concat(this.chunks));
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.settle(error);
  }

  /** Ends the call as timed out, unless it has settled. */
  expire(): void {
    if (this.settled) return;
    this.settle('timeout');
    this.controller?.abort(ABANDONED);
  }

  private settle(reason: Error | 'timeout'): void {
    if (this.settled) return;
    this.settled = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.failed(reason);
  }
}

function expireCall(call: BufferedCall): void {
  call.expire();
}
