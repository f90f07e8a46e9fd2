export { buildSmileyApp } from './app.js';
export { readSmileyConfig, type SmileyConfig } from './config.js';
export { smileyService } from './service.js';
export { chooseSmiley, DEFAULT_SMILEY, SMILEYS, type SmileyChoice, UNKNOWN_SMILEY } from './smileys.js';
