import { buildServer, installCellRoutes, type KitDeps } from '@faces/kit';
import type { FastifyInstance } from 'fastify';
import type { SmileyConfig } from './config.js';
import { resolveSmileyInput } from './smiley-input.js';
import { SMILEYS } from './smileys.js';

/**
 * The smiley service: every normal GET answers the smiley (edge cells theirs, every other path
 * the centre's); PUT changes them unless ALLOW_UPDATES=false.
 */
export function buildSmileyApp(config: SmileyConfig, deps: KitDeps = {}): FastifyInstance {
  const app = buildServer(config.kit, { label: 'Smiley' }, deps);
  const { smiley } = config;
  if (smiley.unknown !== undefined) {
    app.log.warn(
      { SMILEY: smiley.unknown, serving: smiley.name, known: Object.keys(SMILEYS) },
      `unknown SMILEY ${JSON.stringify(smiley.unknown)}: serving ${smiley.name}`,
    );
  }
  installCellRoutes(app, {
    field: 'smiley',
    label: 'Smiley',
    initial: smiley.entity,
    resolve: resolveSmileyInput,
    allowUpdates: config.allowUpdates,
  });
  return app;
}
