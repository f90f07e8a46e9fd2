import { buildServer, type KitDeps } from '@faces/kit';
import type { FastifyInstance } from 'fastify';
import type { ColorConfig } from './config.js';

const bodySchema = {
  200: { type: 'object', properties: { color: { type: 'string' } }, required: ['color'] },
} as const;

/** The color service: every normal GET answers the configured color. */
export function buildColorApp(config: ColorConfig, deps: KitDeps = {}): FastifyInstance {
  const app = buildServer(config.kit, { label: 'Color' }, deps);
  const body = { color: config.color };
  app.get('/*', { schema: { response: bodySchema } }, async () => body);
  return app;
}
