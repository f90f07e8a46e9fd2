// The color service's gRPC API for its server (color) and its client (face), from the code the
// build generates out of proto/color.proto. A subpath of its own (@faces/kit/color-rpc), so that
// only those two load the protobuf runtime (whose create, fromBinary and toBinary go along).
export { create, fromBinary, toBinary } from '@bufbuild/protobuf';
export {
  type ColorRequest,
  ColorRequestSchema,
  type ColorResponse,
  ColorResponseSchema,
  ColorService,
  type ColorUpdate,
  type ColorUpdateResponse,
  ColorUpdateResponseSchema,
  ColorUpdateSchema,
} from '../gen/color_pb.js';
