export { decideCallFault } from './call-faults.js';
export { type CellRoutesOptions, installCellRoutes } from './cells/cell-routes.js';
export { CellValues, type CellValuesOptions } from './cells/cell-values.js';
export { type SubPath, subPathOf } from './cells/sub-path.js';
export {
  isWhich,
  type Parsed,
  parseUpdateBody,
  type UpdateRequest,
  WHICH_VALUES,
  type Which,
  whichProblem,
} from './cells/update-request.js';
export { installUpdateRoute, type UpdateRouteOptions } from './cells/update-route.js';
export { ConfigError } from './config/config-error.js';
export { isCssNamedColor, isHexColor, isSafeCssColor, PALETTE, resolveColor } from './config/css-color.js';
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
} from './config/env-readers.js';
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
} from './config/kit-config.js';
export { RUNTIME_NODE_OPTIONS, withRuntimeNodeOptions } from './config/node-options.js';
export { isServiceLinkVariable } from './config/service-links.js';
export { FaultControl, type FaultControlView, MAX_USER_SETTINGS, TooManyUsersError } from './fault-control.js';
export { controlGuard, FAULTS_PATH } from './fault-routes.js';
export {
  readSettingsRequest,
  SETTING_VARIABLES,
  type SettingField,
  SettingsError,
  type SettingsRequest,
  type SettingsView,
  settingsView,
} from './fault-settings.js';
export { FAULT_STATUS, type FaultDecision, FaultInjector, type FaultKind, pickDelay, rollPercent } from './faults.js';
export { FAULT_HEADER, type FaultsOptions, faultsConfigured } from './faults-plugin.js';
export { GRPC_HTTP_METHOD, grpcCallRecorder, grpcStatusName, httpStatusOfGrpc } from './grpc-metrics.js';
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
} from './grpc-wire.js';
export {
  checkToken,
  credentialOf,
  refuseToken,
  type TokenCheck,
  type TokenCheckOptions,
  tokensEqual,
} from './http/bearer.js';
export { constantJsonHandler, JSON_CONTENT_TYPE } from './http/constant-json.js';
export { type ControlTarget, FORWARD_TIMEOUT_MS, installControlForwards } from './http/control-forward.js';
export { MAX_USER_BYTES, POD_HEADER, UNKNOWN_USER, USER_HEADER, userOf } from './http/faces-headers.js';
export { Health, type Readiness } from './http/health.js';
export { buildServer, isControlPath, type KitContext, type KitDeps, type ServerOptions } from './http/server.js';
export { type Http2StreamHandler, serveHttp2 } from './http2-front.js';
export { forEachLine, listeningMessage, listeningPort } from './lifecycle/listening-line.js';
export { runService, type ServiceDefinition } from './lifecycle/run-service.js';
export { type ShutdownResult, shutdown } from './lifecycle/shutdown.js';
export { countFault, DURATION_BUCKETS, type Metrics, type RequestLabel } from './metrics/metrics.js';
export { HistogramSeries, SeriesHistogram } from './metrics/series-histogram.js';
export { HTTP2_PREFACE, installProtocolSplit, type ProtocolSplitOptions } from './protocol-split.js';
export { createRng, type Rng } from './random.js';
export { RateCounter } from './rate-counter.js';
export {
  FAULT_EXCLUDED_GRPC_METHODS,
  FAULT_EXCLUDED_METHODS,
  FAULT_EXCLUDED_PATHS,
  isExcludedFromFaults,
  pathOf,
} from './reserved-routes.js';
