// What other workspaces use of the kit, and nothing else (kit files import each other directly).

export { installCellRoutes } from './cells/cell-routes.js';
export { CellValues } from './cells/cell-values.js';
export { type SubPath, subPathOf } from './cells/sub-path.js';
export { isWhich, WHICH_VALUES, type Which, whichProblem } from './cells/update-request.js';
export { ConfigError } from './config/config-error.js';
export { isSafeCssColor, PALETTE, resolveColor } from './config/css-color.js';
export {
  type Env,
  readBool,
  readChoice,
  readDecimal,
  readDelayBuckets,
  readInt,
  readPercent,
  readRaw,
  readServiceAddress,
  type ServiceAddress,
} from './config/env-readers.js';
export { type KitConfig, readKitConfig, readServiceName, readToken, type ServiceName } from './config/kit-config.js';
export { RUNTIME_NODE_OPTIONS, withRuntimeNodeOptions } from './config/node-options.js';
export { isServiceLinkVariable } from './config/service-links.js';
export { decideFault } from './faults/call-faults.js';
export { FAULTS_PATH } from './faults/fault-routes.js';
export { readSettingsRequest, SettingsError } from './faults/fault-settings.js';
export { FAULT_STATUS, type FaultDecision, type FaultKind } from './faults/faults.js';
export { FAULT_HEADER } from './faults/faults-plugin.js';
export { createRng } from './faults/random.js';
export { grpcCallRecorder, grpcStatusName } from './grpc/grpc-metrics.js';
export {
  decodeGrpcMessage,
  decodeUnaryFrame,
  encodeFrame,
  encodeGrpcMessage,
  FRAME_HEADER_BYTES,
  GrpcCode,
  grpcCodeOfHttpStatus,
  parseGrpcTimeout,
} from './grpc/grpc-wire.js';
export { serveHttp2 } from './grpc/http2-front.js';
export { checkToken, refuseToken } from './http/bearer.js';
export { installControlForwards } from './http/control-forward.js';
export { MAX_USER_BYTES, POD_HEADER, UNKNOWN_USER, USER_HEADER, userOf } from './http/faces-headers.js';
export { buildServer, isControlPath, type KitContext, type KitDeps } from './http/server.js';
export { describeTransportError } from './http/transport-errors.js';
export { BufferedCall } from './http/undici-call.js';
export { pathOf } from './http/url-path.js';
export { forEachLine, listeningPort } from './lifecycle/listening-line.js';
export { runService, type ServiceDefinition } from './lifecycle/run-service.js';
export { shutdown } from './lifecycle/shutdown.js';
export { HistogramSeries, SeriesHistogram } from './metrics/series-histogram.js';
