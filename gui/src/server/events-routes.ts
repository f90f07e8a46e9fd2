import { checkToken, refuseToken } from '@faces/kit';
import type { FastifyInstance } from 'fastify';
import type { RolloutSnapshot } from '../app/rollout-shape.js';
import { isArgoBody, parseArgoEvent } from './argo-event.js';
import { EventHub, MAX_STREAMS } from './event-hub.js';
import { parseFlaggerEvent } from './flagger-event.js';
import { RolloutBoard } from './rollouts.js';

/** Flagger's payloads are well under 1 KiB; past this a body is refused with 413. */
export const MAX_EVENT_BYTES = 64 * 1024;
/** How often rollouts past their time are dropped (and the pages told). */
const PRUNE_INTERVAL_MS = 5000;

export const EVENTS_PATH = '/events';
export const EVENT_STREAM_PATH = '/events/stream';

export interface EventsOptions {
  /** EVENTS_TOKEN: when set, POST /events needs it (Bearer, or Basic with it as password). */
  readonly token: string | undefined;
  readonly now: () => number;
}

/**
 * POST /events takes Flagger's event webhook, or Argo Rollouts' notification through our templates
 * (argo-event.ts) (202, or 400/413 with one line); GET /events/stream
 * pushes the rollouts to pages as Server-Sent Events. The streams end when draining starts and at
 * close, so that they never hold a shutdown open.
 */
export async function eventsRoutes(app: FastifyInstance, options: EventsOptions): Promise<void> {
  const { token, now } = options;
  const board = new RolloutBoard();
  const snapshot = (): RolloutSnapshot => ({ serverNowMs: now(), rollouts: board.list() });
  const hub = new EventHub(snapshot);
  const pruner = setInterval(() => {
    if (board.prune(now())) hub.broadcast();
  }, PRUNE_INTERVAL_MS);
  pruner.unref();
  app.faces.health.onDraining(() => hub.end());
  app.addHook('preClose', (done) => {
    clearInterval(pruner);
    hub.end();
    done();
  });

  // The body is read as bytes and parsed here, so that every refusal is ours and one line.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_EVENT_BYTES }, (_request, body, done) => {
    done(null, body);
  });

  app.post(EVENTS_PATH, {
    onRequest: async (request, reply) => {
      if (token === undefined) return;
      const check = checkToken(request.headers.authorization, token, { basicPassword: true });
      if (check !== 'ok') return refuseToken(reply, check);
    },
    handler: async (request, reply) => {
      let body: unknown;
      try {
        body = JSON.parse(typeof request.body === 'string' ? request.body : '');
      } catch {
        return reply.code(400).send({ error: 'the body is not JSON' });
      }
      const argo = isArgoBody(body);
      const parsed = argo ? parseArgoEvent(body) : parseFlaggerEvent(body);
      if (!parsed.ok) return reply.code(400).send({ error: parsed.reason });
      board.prune(now());
      const rollout = board.apply(parsed.value, now());
      request.log.info({ canary: rollout.key, phase: rollout.phase }, argo ? 'argo rollouts event' : 'flagger event');
      hub.broadcast();
      return reply.code(202).send({ status: 'accepted' });
    },
  });

  app.get(EVENT_STREAM_PATH, async (request, reply) => {
    if (app.faces.health.state === 'draining' || hub.full) {
      const reason = app.faces.health.state === 'draining' ? 'draining' : `${MAX_STREAMS} pages are listening already`;
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ error: `no event stream now: ${reason}` });
    }
    board.prune(now());
    reply.hijack();
    hub.add(reply.raw);
    request.log.debug({ streams: hub.size }, 'event stream opened');
  });
}
