import type { ServiceDefinition } from '@faces/kit';
import { buildFaceApp } from './app.js';
import { type FaceConfig, readFaceConfig } from './config.js';

export const faceService: ServiceDefinition<FaceConfig> = {
  readConfig: readFaceConfig,
  kitConfig: (config) => config.kit,
  // The gRPC client (grpc/: gRPC framing on node:http2, @bufbuild/protobuf) loads only when color
  // is spoken to over gRPC.
  buildApp: async (config) =>
    buildFaceApp(
      config,
      {},
      config.color.protocol === 'grpc' ? (await import('./grpc/color-client.js')).grpcColorFactory : undefined,
    ),
};
