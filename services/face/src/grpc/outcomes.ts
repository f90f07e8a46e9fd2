import { Code, ConnectError } from '@connectrpc/connect';
import { grpcStatusName } from '@faces/kit';
import type { Outcome } from '../compose.js';

/** A ColorService answer → its outcome: a non-empty color, or an error. */
export function outcomeOfGrpcAnswer(where: string, color: string): Outcome {
  if (color === '') return { kind: 'error', detail: `${where} answered without a color` };
  return { kind: 'ok', value: color };
}

/**
 * A failed call → its outcome, as HTTP statuses map: DEADLINE_EXCEEDED is a timeout,
 * RESOURCE_EXHAUSTED rate-limited, any other status (UNAVAILABLE when color is down, INTERNAL
 * for its injected errors) an error. The detail names the status and color's message.
 */
export function outcomeOfGrpcError(where: string, error: unknown): Outcome {
  const failure = ConnectError.from(error);
  const kind =
    failure.code === Code.DeadlineExceeded
      ? 'timeout'
      : failure.code === Code.ResourceExhausted
        ? 'rate-limited'
        : 'error';
  return { kind, detail: `gRPC ${grpcStatusName(failure.code)} from ${where}: ${failure.rawMessage}` };
}
