import type { ServiceDefinition } from '@faces/kit';
import { buildLoadtesterApp } from './app.js';
import { type LoadtesterConfig, readLoadtesterConfig } from './config.js';

export const loadtesterService: ServiceDefinition<LoadtesterConfig> = {
  readConfig: readLoadtesterConfig,
  kitConfig: (config) => config.kit,
  buildApp: (config) => buildLoadtesterApp(config),
};
