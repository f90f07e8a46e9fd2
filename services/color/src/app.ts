import { buildServer, installCellRoutes, type KitDeps, resolveColor } from '@faces/kit';
import { fail, ok, type Result } from '@faces/kit/result';
import type { FastifyInstance } from 'fastify';
import { COLOR_ALLOWED, type ColorConfig } from './config.js';
import { serveColorGrpc } from './grpc/server.js';

/** A run-time update's color, resolved as COLOR is. */
function resolveColorInput(raw: string): Result<string> {
  const color = resolveColor(raw.trim());
  if (color === undefined) return fail(`unknown color ${JSON.stringify(raw)}: use ${COLOR_ALLOWED}`);
  return ok(color);
}

/**
 * The color service: every normal GET answers the color (edge cells theirs, every other path the
 * centre's); the same port serves the gRPC ColorService (grpc/); PUT changes the colors unless
 * ALLOW_UPDATES=false.
 */
export function buildColorApp(config: ColorConfig, deps: KitDeps = {}): FastifyInstance {
  const app = buildServer(config.kit, { label: 'Color' }, deps);
  const colors = installCellRoutes(app, {
    field: 'color',
    label: 'Color',
    initial: config.color,
    resolve: resolveColorInput,
    allowUpdates: config.allowUpdates,
  });
  serveColorGrpc(app, colors, config.allowUpdates);
  return app;
}
