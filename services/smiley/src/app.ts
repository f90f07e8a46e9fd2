import { buildServer, constantJsonHandler, type KitDeps } from '@faces/kit';
import type { FastifyInstance } from 'fastify';
import type { SmileyConfig } from './config.js';
import { SMILEYS } from './smileys.js';

/** The smiley service: every normal GET answers the configured smiley. */
export function buildSmileyApp(config: SmileyConfig, deps: KitDeps = {}): FastifyInstance {
  const app = buildServer(config.kit, { label: 'Smiley' }, deps);
  const { smiley } = config;
  if (smiley.unknown !== undefined) {
    app.log.warn(
      { SMILEY: smiley.unknown, serving: smiley.name, known: Object.keys(SMILEYS) },
      `unknown SMILEY ${JSON.stringify(smiley.unknown)}: serving ${smiley.name}`,
    );
  }
  app.get('/*', constantJsonHandler({ smiley: smiley.entity }));
  return app;
}
