import { performance } from 'node:perf_hooks';
import type { DescMessage, MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import { Code, ConnectError, type HandlerContext } from '@connectrpc/connect';
import type { CellValues } from '@faces/kit';
import {
  decideCallFault,
  FAULT_HEADER,
  type FaultDecision,
  grpcCallRecorder,
  isWhich,
  type KitContext,
  MAX_USER_BYTES,
  POD_HEADER,
  UNKNOWN_USER,
  USER_HEADER,
  whichProblem,
} from '@faces/kit';
import {
  type ColorRequestSchema,
  type ColorResponseSchema,
  ColorService,
  type ColorUpdateResponseSchema,
  type ColorUpdateSchema,
} from '@faces/kit/color-rpc';

/** gRPC status 0. */
const GRPC_OK = 0;

type Unary<I extends DescMessage, O extends DescMessage> = (
  request: MessageShape<I>,
  context: HandlerContext,
) => Promise<MessageInitShape<O>>;

/** The gRPC status and message of each fault, as the original answers them. */
function faultError(decision: FaultDecision): ConnectError {
  const metadata = new Headers({ [FAULT_HEADER]: decision.fault ?? '' });
  if (decision.fault === 'rate-limited') {
    return new ConnectError(`rate limited: ${decision.reason}`, Code.ResourceExhausted, metadata);
  }
  return new ConnectError(`failed to get color: ${decision.reason}`, Code.Internal, metadata);
}

/** The caller's user from metadata (`unknown` when none), echoed with the pod as on HTTP. */
function echoHeaders(context: HandlerContext, pod: string): void {
  const user = context.requestHeader.get(USER_HEADER) || UNKNOWN_USER;
  if (Buffer.byteLength(user, 'latin1') > MAX_USER_BYTES) {
    throw new ConnectError(`${USER_HEADER} is longer than ${MAX_USER_BYTES} bytes`, Code.InvalidArgument);
  }
  context.responseHeader.set(POD_HEADER, pod);
  context.responseHeader.set(USER_HEADER, user);
}

/**
 * ColorService for the Connect router: Center and Edge answer the centre's or the edge's color
 * under the kit's faults (the same injector as HTTP GETs); UpdateColor changes them, spared by
 * faults (FAULT_EXCLUDED_GRPC_METHODS). Every call is recorded with its full method name as
 * `path` and its gRPC status (grpc-metrics.ts).
 */
export function colorServiceImpl(kit: KitContext, colors: CellValues, allowUpdates: boolean) {
  const record = grpcCallRecorder(kit.metrics);
  const { pod } = kit.config;
  function recorded<I extends DescMessage, O extends DescMessage>(path: string, call: Unary<I, O>): Unary<I, O> {
    return async (request, context) => {
      const started = performance.now();
      try {
        const answer = await call(request, context);
        record(path, GRPC_OK, (performance.now() - started) / 1000);
        return answer;
      } catch (error) {
        record(path, ConnectError.from(error).code, (performance.now() - started) / 1000);
        throw error;
      }
    };
  }
  const colorFor =
    (which: 'center' | 'edge'): Unary<typeof ColorRequestSchema, typeof ColorResponseSchema> =>
    async (_request, context) => {
      echoHeaders(context, pod);
      const fault = await decideCallFault(kit, context.signal);
      if (fault !== undefined) throw faultError(fault);
      return { color: which === 'center' ? colors.center : colors.edge };
    };
  const updateColor: Unary<typeof ColorUpdateSchema, typeof ColorUpdateResponseSchema> = async (request, context) => {
    echoHeaders(context, pod);
    if (!allowUpdates) {
      throw new ConnectError('updates are turned off (ALLOW_UPDATES=false)', Code.PermissionDenied);
    }
    if (!isWhich(request.which)) {
      throw new ConnectError(`failed to set color: ${whichProblem(request.which)}`, Code.InvalidArgument);
    }
    if (request.color === '') throw new ConnectError('failed to set color: "color" is empty', Code.InvalidArgument);
    const applied = colors.update(request.which, request.color);
    if (!applied.ok) throw new ConnectError(`failed to set color: ${applied.message}`, Code.InvalidArgument);
    return { which: request.which, color: applied.value };
  };
  const name = ColorService.typeName;
  return {
    center: recorded(`/${name}/Center`, colorFor('center')),
    edge: recorded(`/${name}/Edge`, colorFor('edge')),
    updateColor: recorded(`/${name}/UpdateColor`, updateColor),
  };
}
