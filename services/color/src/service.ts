import type { ServiceDefinition } from '@faces/kit';
import { buildColorApp } from './app.js';
import { type ColorConfig, readColorConfig } from './config.js';

export const colorService: ServiceDefinition<ColorConfig> = {
  readConfig: readColorConfig,
  kitConfig: (config) => config.kit,
  buildApp: (config) => buildColorApp(config),
};
