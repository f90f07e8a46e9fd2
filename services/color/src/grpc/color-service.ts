import type { CellValues } from '@faces/kit';
import {
  decideCallFault,
  FAULT_HEADER,
  type FaultDecision,
  faultsConfigured,
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

/** What a method answers: a reply message (status OK), or a status with its message. */
export type CallAnswer =
  | { readonly code: typeof GrpcCode.OK; readonly reply: Uint8Array }
  | { readonly code: number; readonly message: string; readonly trailers?: Readonly<Record<string, string>> };

/** A call as a method sees it: its request message; `signal()` aborts when the caller is gone or out of time. */
export interface UnaryCall {
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
function parsed<T>(decode: () => T): T | CallAnswer {
  try {
    return decode();
  } catch (error) {
    return status(GrpcCode.INTERNAL, `failed to parse the request: ${(error as Error).message}`);
  }
}

/**
 * ColorService's methods by full path: Center and Edge answer the centre's or the edge's color
 * under the kit's faults (the same injector as HTTP GETs; a delay is cut short when the call is
 * gone); UpdateColor changes them, spared by faults (FAULT_EXCLUDED_GRPC_METHODS) and refused
 * with PERMISSION_DENIED when updates are off.
 */
export function colorMethods(kit: KitContext, colors: CellValues, allowUpdates: boolean): Map<string, UnaryMethod> {
  const colorFor =
    (which: 'center' | 'edge'): UnaryMethod =>
    async (call) => {
      const request = parsed(() => fromBinary(ColorRequestSchema, call.request));
      if ('code' in request) return request;
      if (faultsConfigured(kit.injector.config)) {
        const fault = await decideCallFault(kit, call.signal());
        if (fault !== undefined) return faultAnswer(fault);
      }
      const color = which === 'center' ? colors.center : colors.edge;
      return { code: GrpcCode.OK, reply: toBinary(ColorResponseSchema, create(ColorResponseSchema, { color })) };
    };
  const updateColor: UnaryMethod = (call) => {
    if (!allowUpdates) return status(GrpcCode.PERMISSION_DENIED, 'updates are turned off (ALLOW_UPDATES=false)');
    const request = parsed(() => fromBinary(ColorUpdateSchema, call.request));
    if ('code' in request) return request;
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
    [`/${name}/Center`, colorFor('center')],
    [`/${name}/Edge`, colorFor('edge')],
    [`/${name}/UpdateColor`, updateColor],
  ]);
}
