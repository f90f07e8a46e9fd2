import { buildServer, constantJsonHandler, type KitDeps } from '@faces/kit';
import type { FastifyInstance } from 'fastify';
import type { ColorConfig } from './config.js';

/** The color service: every normal GET answers the configured color. */
export function buildColorApp(config: ColorConfig, deps: KitDeps = {}): FastifyInstance {
  const app = buildServer(config.kit, { label: 'Color' }, deps);
  app.get('/*', constantJsonHandler({ color: config.color }));
  return app;
}
