import { type Env, type KitConfig, readKitConfig, readRaw } from '@faces/kit';
import { chooseSmiley, type SmileyChoice } from './smileys.js';

export interface SmileyConfig {
  readonly kit: KitConfig;
  readonly smiley: SmileyChoice;
}

export function readSmileyConfig(env: Env): SmileyConfig {
  return Object.freeze({ kit: readKitConfig(env, 'smiley'), smiley: chooseSmiley(readRaw(env, 'SMILEY')) });
}
