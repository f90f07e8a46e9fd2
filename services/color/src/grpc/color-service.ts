import type { CellValues } from '@faces/kit';
import {
  decideFault,
  FAULT_HEADER,
  type FaultDecision,
  GrpcCode,
  isWhich,
  type KitContext,
  whichProblem,
} from '@faces/kit';
import {
  ColorRequestSchema,
  ColorResponseSchema,
  ColorService,
  ColorUpdateResponseSchema,
  ColorUpdateSchema,
  create,
  fromBinary,
  toBinary,
} from '@faces/kit/color-rpc';
import { fail, ok, type Result } from '@faces/kit/result';

/** What a method answers: a reply message (status OK), or a status with its message. */
export type CallAnswer =
  | { readonly code: typeof GrpcCode.OK; readonly reply: Uint8Array }
  | { readonly code: number; readonly message: string; readonly trailers?: Readonly<Record<string, string>> };

/** A call as a method sees it: its request message; `signal()` aborts when the caller is gone or out of time. */
export interface UnaryCall {
  /** The full method name (/ColorService/Center). */
  readonly method: string;
  /** x-faces-user, or "unknown". */
  readonly user: string;
  readonly request: Uint8Array;
  signal(): AbortSignal;
}

export type UnaryMethod = (call: UnaryCall) => CallAnswer | Promise<CallAnswer>;

const status = (code: number, message: string): CallAnswer => ({ code, message });

/** The gRPC status and message of each fault, as the original answers them. */
function faultAnswer(decision: FaultDecision): CallAnswer {
  const trailers = { [FAULT_HEADER]: decision.fault ?? '' };
  if (decision.fault === 'rate-limited') {
    return { code: GrpcCode.RESOURCE_EXHAUSTED, message: `rate limited: ${decision.reason}`, trailers };
  }
  return { code: GrpcCode.INTERNAL, message: `failed to get color: ${decision.reason}`, trailers };
}

/** The request message, or INTERNAL when it is not protobuf of that type (as grpc-go answers it). */
function parsed<T>(decode: () => T): Result<T, CallAnswer> {
  try {
    return ok(decode());
  } catch (error) {
    return fail(status(GrpcCode.INTERNAL, `failed to parse the request: ${(error as Error).message}`));
  }
}

/**
 * Every call first goes through the kit's one fault path (decideFault, as HTTP requests do: the
 * user's injector; a delay cut short when the call is gone), which draws nothing for a method the
 * table marks `spared`.
 */
function withFaults(kit: KitContext, method: UnaryMethod, { spared } = { spared: false }): UnaryMethod {
  return async (call) => {
    const fault = await decideFault(kit, { protocol: 'grpc', spared, user: call.user }, call.signal());
    return fault === undefined ? method(call) : faultAnswer(fault);
  };
}

/**
 * ColorService's methods by full path, each under the kit's faults (withFaults): Center and Edge
 * answer the centre's or the edge's color; UpdateColor changes them, refused with
 * PERMISSION_DENIED when updates are off.
 */
export function colorMethods(kit: KitContext, colors: CellValues, allowUpdates: boolean): Map<string, UnaryMethod> {
  const colorFor =
    (which: 'center' | 'edge'): UnaryMethod =>
    (call) => {
      const request = parsed(() => fromBinary(ColorRequestSchema, call.request));
      if (!request.ok) return request.reason;
      const color = which === 'center' ? colors.center : colors.edge;
      return { code: GrpcCode.OK, reply: toBinary(ColorResponseSchema, create(ColorResponseSchema, { color })) };
    };
  const updateColor: UnaryMethod = (call) => {
    if (!allowUpdates) return status(GrpcCode.PERMISSION_DENIED, 'updates are turned off (ALLOW_UPDATES=false)');
    const decoded = parsed(() => fromBinary(ColorUpdateSchema, call.request));
    if (!decoded.ok) return decoded.reason;
    const request = decoded.value;
    if (!isWhich(request.which)) {
      return status(GrpcCode.INVALID_ARGUMENT, `failed to set color: ${whichProblem(request.which)}`);
    }
    if (request.color === '') return status(GrpcCode.INVALID_ARGUMENT, 'failed to set color: "color" is empty');
    const applied = colors.update(request.which, request.color);
    if (!applied.ok) return status(GrpcCode.INVALID_ARGUMENT, `failed to set color: ${applied.reason}`);
    const answer = create(ColorUpdateResponseSchema, { which: request.which, color: applied.value });
    return { code: GrpcCode.OK, reply: toBinary(ColorUpdateResponseSchema, answer) };
  };
  const name = ColorService.typeName;
  return new Map([
    [`/${name}/Center`, withFaults(kit, colorFor('center'))],
    [`/${name}/Edge`, withFaults(kit, colorFor('edge'))],
    // The gRPC run-time update: as a PUT, never failed, delayed or rate-limited.
    [`/${name}/UpdateColor`, withFaults(kit, updateColor, { spared: true })],
  ]);
}
