import { type Env, type KitConfig, readBool, readKitConfig, readRaw } from '@faces/kit';
import { chooseSmiley, type SmileyChoice } from './smileys.js';

export interface SmileyConfig {
  readonly kit: KitConfig;
  readonly smiley: SmileyChoice;
  /** ALLOW_UPDATES: whether PUT may change the smiley at run time. */
  readonly allowUpdates: boolean;
}

export function readSmileyConfig(env: Env): SmileyConfig {
  return Object.freeze({
    kit: readKitConfig(env, 'smiley'),
    smiley: chooseSmiley(readRaw(env, 'SMILEY')),
    allowUpdates: readBool(env, 'ALLOW_UPDATES', true),
  });
}
