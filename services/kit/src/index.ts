export {
  checkToken,
  credentialOf,
  refuseToken,
  type TokenCheck,
  type TokenCheckOptions,
  tokensEqual,
} from './bearer.js';
export { type CellRoutesOptions, installCellRoutes } from './cell-routes.js';
export { CellValues, type CellValuesOptions } from './cell-values.js';
export { ConfigError } from './config-error.js';
export { constantJsonHandler, JSON_CONTENT_TYPE } from './constant-json.js';
export { type ControlTarget, FORWARD_TIMEOUT_MS, installControlForwards } from './control-forward.js';
export { isCssNamedColor, isHexColor, isSafeCssColor, PALETTE, resolveColor } from './css-color.js';
export {
  type Env,
  isHeaderToken,
  readBool,
  readChoice,
  readDecimal,
  readDelayBuckets,
  readInt,
  readPercent,
  readRaw,
  readServiceAddress,
  type ServiceAddress,
} from './env-readers.js';
export { MAX_USER_BYTES, POD_HEADER, UNKNOWN_USER, USER_HEADER, userOf } from './faces-headers.js';
export { decideFault, type FaultCall, type FaultPath, injectorForCall } from './faults/call-faults.js';
export { FaultControl, type FaultControlView, MAX_USER_SETTINGS, TooManyUsersError } from './faults/fault-control.js';
export { controlGuard, FAULTS_PATH } from './faults/fault-routes.js';
export {
  readSettingsRequest,
  SETTING_VARIABLES,
  type SettingField,
  SettingsError,
  type SettingsRequest,
  type SettingsView,
  settingsView,
} from './faults/fault-settings.js';
export {
  FAULT_STATUS,
  type FaultDecision,
  FaultInjector,
  type FaultKind,
  pickDelay,
  rollPercent,
} from './faults/faults.js';
export { FAULT_HEADER, type FaultsOptions, faultsConfigured } from './faults/faults-plugin.js';
export { createRng, type Rng } from './faults/random.js';
export { RateCounter } from './faults/rate-counter.js';
export {
  FAULT_EXCLUDED_GRPC_METHODS,
  FAULT_EXCLUDED_METHODS,
  FAULT_EXCLUDED_PATHS,
  isExcludedFromFaults,
  pathOf,
} from './faults/reserved-routes.js';
export { GRPC_HTTP_METHOD, grpcCallRecorder, grpcStatusName, httpStatusOfGrpc } from './grpc/grpc-metrics.js';
export {
  decodeGrpcMessage,
  decodeUnaryFrame,
  encodeFrame,
  encodeGrpcMessage,
  FRAME_HEADER_BYTES,
  type FrameResult,
  GrpcCode,
  grpcCodeOfHttpStatus,
  parseGrpcTimeout,
} from './grpc/grpc-wire.js';
export { type Http2StreamHandler, serveHttp2 } from './grpc/http2-front.js';
export { HTTP2_PREFACE, installProtocolSplit, type ProtocolSplitOptions } from './grpc/protocol-split.js';
export { Health, type Readiness } from './health.js';
export {
  type FaultConfig,
  type KitConfig,
  LOG_LEVELS,
  type LogLevel,
  readKitConfig,
  readServiceName,
  readToken,
  SERVICE_NAMES,
  type ServiceName,
} from './kit-config.js';
export { forEachLine, listeningMessage, listeningPort } from './listening-line.js';
export { countFault, DURATION_BUCKETS, type Metrics, type RequestLabel } from './metrics.js';
export { RUNTIME_NODE_OPTIONS, withRuntimeNodeOptions } from './node-options.js';
export { runService, type ServiceDefinition } from './run-service.js';
export { HistogramSeries, SeriesHistogram } from './series-histogram.js';
export { buildServer, isControlPath, type KitContext, type KitDeps, type ServerOptions } from './server.js';
export { isServiceLinkVariable } from './service-links.js';
export { type ShutdownResult, shutdown } from './shutdown.js';
export { type SubPath, subPathOf } from './sub-path.js';
export {
  isWhich,
  type Parsed,
  parseUpdateBody,
  type UpdateRequest,
  WHICH_VALUES,
  type Which,
  whichProblem,
} from './update-request.js';
export { installUpdateRoute, type UpdateRouteOptions } from './update-route.js';
