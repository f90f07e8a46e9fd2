import { randomFillSync } from 'node:crypto';

/** W3C Trace Context (https://www.w3.org/TR/trace-context/): version-traceid-parentid-flags. */
export const TRACEPARENT_HEADER = 'traceparent';
export const TRACESTATE_HEADER = 'tracestate';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-|$)/;
const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_PARENT_ID = '0'.repeat(16);
/** Flags for a trace face starts: sampled, as a root span under a parent-based sampler would be. */
const NEW_TRACE_FLAGS = '01';

/** Random ids from a pooled buffer: one getrandom call per few hundred requests, not one per id. */
export class RandomIds {
  private readonly pool = Buffer.allocUnsafe(4096);
  private offset = this.pool.length;

  hex(bytes: number): string {
    if (this.offset + bytes > this.pool.length) {
      randomFillSync(this.pool);
      this.offset = 0;
    }
    const id = this.pool.toString('hex', this.offset, this.offset + bytes);
    this.offset += bytes;
    return id;
  }
}

/**
 * The traceparent face sends its backends: the caller's trace continued with face's own span as
 * the parent, or, when none (or an invalid one) came in, a new trace.
 */
export function outgoingTraceparent(incoming: string | undefined, ids: RandomIds): string {
  const spanId = ids.hex(8);
  if (incoming !== undefined) {
    const match = TRACEPARENT.exec(incoming);
    const version = match?.[1];
    const traceId = match?.[2];
    const flags = match?.[4];
    // Version 00 is exactly 55 characters; a later version may append fields, which 00 drops.
    const wellFormed = version === '00' ? incoming.length === 55 : version !== 'ff';
    if (
      traceId !== undefined &&
      flags !== undefined &&
      wellFormed &&
      traceId !== ZERO_TRACE_ID &&
      match?.[3] !== ZERO_PARENT_ID
    ) {
      return `00-${traceId}-${spanId}-${flags}`;
    }
  }
  let traceId = ids.hex(16);
  while (traceId === ZERO_TRACE_ID) traceId = ids.hex(16);
  return `00-${traceId}-${spanId}-${NEW_TRACE_FLAGS}`;
}

/** The trace id inside a traceparent face built. */
export function traceIdOf(traceparent: string): string {
  return traceparent.slice(3, 35);
}
