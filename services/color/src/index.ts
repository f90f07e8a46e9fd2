export { buildColorApp } from './app.js';
export { type ColorConfig, DEFAULT_COLOR, readColorConfig } from './config.js';
export { colorService } from './service.js';
