import type { FastifyInstance } from 'fastify';
import type { Result } from '../result.js';
import { parseUpdateBody, type Which } from './update-request.js';

/** The most a PUT body may be: one small JSON object. */
const MAX_UPDATE_BYTES = 4096;

export interface UpdateRouteOptions {
  /** The body's field and the answer's: `smiley` or `color`. */
  readonly field: string;
  /** The answer's `message`, e.g. "Smiley updated successfully". */
  readonly message: string;
  /** Resolves and applies the value; a refusal's message goes back as a 400. */
  readonly apply: (which: Which, value: string) => Result<string>;
}

/**
 * `PUT` on any path changes what the service serves, at run time (ALLOW_UPDATES: without this
 * route, the kit's not-found handler answers 405). Any content type is read as the JSON text it
 * should be (curl -d sends form-encoded), and a bad one is a 400 with a one-line `error`.
 * PUT is spared by faults, as every method but GET and HEAD is (faults/call-faults.ts).
 */
export function installUpdateRoute(app: FastifyInstance, options: UpdateRouteOptions): void {
  const { field, message, apply } = options;
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_UPDATE_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.put('/*', async (request, reply) => {
      const parsed = parseUpdateBody(typeof request.body === 'string' ? request.body : undefined, field);
      if (!parsed.ok) return reply.code(400).send({ error: parsed.reason });
      const { which, value } = parsed.value;
      const applied = apply(which, value);
      if (!applied.ok) return reply.code(400).send({ error: applied.reason });
      return { message, [field]: applied.value, which };
    });
  });
}
