import type { ServiceDefinition } from '@faces/kit';
import { buildGuiApp } from './app.js';
import { type GuiConfig, readGuiConfig } from './config.js';

export const guiService: ServiceDefinition<GuiConfig> = {
  readConfig: readGuiConfig,
  kitConfig: (config) => config.kit,
  buildApp: (config) => buildGuiApp(config),
};
