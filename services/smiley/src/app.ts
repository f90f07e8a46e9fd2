import { buildServer, type KitDeps } from '@faces/kit';
import type { FastifyInstance } from 'fastify';
import type { SmileyConfig } from './config.js';
import { SMILEYS } from './smileys.js';

const bodySchema = {
  200: { type: 'object', properties: { smiley: { type: 'string' } }, required: ['smiley'] },
} as const;

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
  const body = { smiley: smiley.entity };
  app.get('/*', { schema: { response: bodySchema } }, async () => body);
  return app;
}
