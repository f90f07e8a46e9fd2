export { backendPath, buildFaceApp } from './app.js';
export { Backends } from './backends.js';
export {
  type BackendName,
  composeFace,
  DEGRADED_HEADER,
  degradation,
  type Face,
  type FailureKind,
  type Outcome,
  SUBSTITUTES,
} from './compose.js';
export {
  DEFAULT_BACKEND_CONNECTIONS,
  DEFAULT_BACKEND_TIMEOUT_MS,
  type FaceConfig,
  readFaceConfig,
} from './config.js';
export { faceService } from './service.js';
export { outgoingTraceparent, RandomIds, traceIdOf } from './trace.js';
