import type { ServiceDefinition } from '@faces/kit';
import { buildSmileyApp } from './app.js';
import { readSmileyConfig, type SmileyConfig } from './config.js';

export const smileyService: ServiceDefinition<SmileyConfig> = {
  readConfig: readSmileyConfig,
  kitConfig: (config) => config.kit,
  buildApp: (config) => buildSmileyApp(config),
};
