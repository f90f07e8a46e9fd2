import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkToken, refuseToken } from '../http/bearer.js';
import { type FaultControl, TooManyUsersError } from './fault-control.js';
import { readSettingsRequest, SettingsError } from './fault-settings.js';

/** The live fault control's path on every service. */
export const FAULTS_PATH = '/faults';

/** A presenter must be able to mend a service that fails everything: faults never touch its control. */
const CONTROL_CONFIG = { faults: false } as const;

/** A settings body is a few fields: far below Fastify's 1 MiB default. */
const MAX_SETTINGS_BODY_BYTES = 16 * 1024;

const USER_QUERY = {
  type: 'object',
  properties: { user: { type: 'string', minLength: 1, maxLength: 1024 } },
  additionalProperties: false,
} as const;

function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ error: 'Not Found', path: request.url });
}

/**
 * GET and DELETE read no body: a Content-Type sent with none (curl -H 'Content-Type:
 * application/json' -X DELETE) must not make Fastify refuse the empty JSON with 400. Dropped
 * before parsing, for a request that carries no body at all.
 */
async function dropEmptyBodyType(request: FastifyRequest): Promise<void> {
  const { headers } = request;
  const length = headers['content-length'];
  if (headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) {
    delete headers['content-type'];
  }
}

/**
 * The routes a route under the control token needs: 404 when the service has no token (the
 * control is off, and nothing says it exists), else the token check.
 */
export function controlGuard(
  token: string | undefined,
): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined> {
  return async (request, reply) => {
    if (token === undefined) return notFound(request, reply);
    const check = checkToken(request.headers.authorization, token);
    return check === 'ok' ? undefined : refuseToken(reply, check);
  };
}

/**
 * GET /faults (the settings now), PUT /faults (replace the base settings or, with "user", one
 * user's), DELETE /faults[?user=U] (back to the environment's). Installed on every service; with
 * no CONTROL_TOKEN each answers 404.
 */
export function installFaultRoutes(app: FastifyInstance, control: FaultControl, token: string | undefined): void {
  const onRequest = controlGuard(token);
  app.get(FAULTS_PATH, { config: CONTROL_CONFIG, onRequest: [dropEmptyBodyType, onRequest] }, async () =>
    control.view(),
  );

  app.put(
    FAULTS_PATH,
    { config: CONTROL_CONFIG, onRequest, bodyLimit: MAX_SETTINGS_BODY_BYTES },
    async (request, reply) => {
      try {
        const { user, config } = readSettingsRequest(request.body, control.environment);
        control.replace(config, user);
        request.log.info({ user, settings: control.view() }, 'fault settings replaced');
        return control.view();
      } catch (error) {
        if (error instanceof SettingsError) return reply.code(400).send({ error: error.message, field: error.field });
        if (error instanceof TooManyUsersError) return reply.code(409).send({ error: error.message });
        throw error;
      }
    },
  );

  app.delete<{ Querystring: { user?: string } }>(
    FAULTS_PATH,
    { config: CONTROL_CONFIG, onRequest: [dropEmptyBodyType, onRequest], schema: { querystring: USER_QUERY } },
    async (request) => {
      const { user } = request.query;
      control.reset(user);
      request.log.info({ user }, 'fault settings reset to the environment');
      return control.view();
    },
  );
}
