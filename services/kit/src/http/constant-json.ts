import type { FastifyReply, FastifyRequest } from 'fastify';

/** What Fastify sends for JSON bodies it serialises itself. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * A route handler that answers the same JSON body to every request: serialised once at start,
 * so the hot path neither builds nor serialises an object.
 */
export function constantJsonHandler(body: object): (request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  const payload = JSON.stringify(body);
  return (_request, reply) => reply.type(JSON_CONTENT_TYPE).send(payload);
}
