import type { ServiceDefinition } from '@faces/kit';
import { buildFaceApp } from './app.js';
import { type FaceConfig, readFaceConfig } from './config.js';

export const faceService: ServiceDefinition<FaceConfig> = {
  readConfig: readFaceConfig,
  kitConfig: (config) => config.kit,
  buildApp: (config) => buildFaceApp(config),
};
