import { GrpcCode, grpcStatusName } from '@faces/kit';
import type { Outcome } from '../compose.js';

/** A ColorService answer → its outcome: a non-empty color, or an error. */
export function outcomeOfGrpcAnswer(where: string, color: string): Outcome {
  if (color === '') return { kind: 'error', detail: `${where} answered without a color` };
  return { kind: 'ok', value: color };
}

/**
 * A failed call's status → its outcome, as HTTP statuses map: DEADLINE_EXCEEDED is a timeout,
 * RESOURCE_EXHAUSTED rate-limited, any other status (UNAVAILABLE when color is down, INTERNAL
 * for its injected errors) an error. The detail names the status and color's message.
 */
export function outcomeOfGrpcStatus(where: string, code: number, message: string): Outcome {
  const kind =
    code === GrpcCode.DEADLINE_EXCEEDED ? 'timeout' : code === GrpcCode.RESOURCE_EXHAUSTED ? 'rate-limited' : 'error';
  return { kind, detail: `gRPC ${grpcStatusName(code)} from ${where}: ${message}` };
}
