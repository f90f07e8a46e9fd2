import type { FastifyInstance } from 'fastify';
import type { Result } from '../result.js';
import { CellValues } from './cell-values.js';
import { installUpdateRoute } from './update-route.js';

export interface CellRoutesOptions {
  /** The answer's field, `smiley` or `color`, and its word in messages, `Smiley` or `Color`. */
  readonly field: string;
  readonly label: string;
  readonly initial: string;
  readonly resolve: (raw: string) => Result<string>;
  /** ALLOW_UPDATES: without it, PUT gets the kit's 405. */
  readonly allowUpdates: boolean;
}

/**
 * A leaf service's routes: every normal GET answers its values (edge cells theirs, every other
 * path the centre's), and PUT changes them, each change logged at info with the old values.
 */
export function installCellRoutes(app: FastifyInstance, options: CellRoutesOptions): CellValues {
  const { field, label } = options;
  const values = new CellValues({
    field,
    initial: options.initial,
    resolve: options.resolve,
    onChange: (old, which, value) =>
      app.log.info({ which, old, [field]: value }, `${field} updated: ${which} is now ${value}`),
  });
  app.get('/*', values.handler);
  if (options.allowUpdates) {
    installUpdateRoute(app, {
      field,
      message: `${label} updated successfully`,
      apply: (which, value) => values.update(which, value),
    });
  }
  return values;
}
