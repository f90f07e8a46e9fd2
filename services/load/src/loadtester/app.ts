import { buildServer, type KitDeps } from '@faces/kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WEBHOOK_BODY_LIMIT_BYTES } from '../limits.js';
import { formatSummary } from '../report.js';
import { parseCommand } from './command.js';
import { commandSummary } from './command-summary.js';
import type { LoadtesterConfig } from './config.js';
import { GateStore } from './gates.js';
import { createLoadtesterMetrics } from './metrics.js';
import { decodePayload, isTrue, type WebhookPayload } from './payload.js';
import { TaskRunner } from './runner.js';

/** metadata.type values we run; Flagger's others (helm, concord, …) are not load and get 400. */
const TASK_TYPES = ['cmd', 'bash'] as const;
const ANY_METHOD = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * A drop-in for Flagger's load tester: the webhook (`POST /`) runs `hey …` or `faces load …`
 * in-process, and the gate endpoints answer with Flagger's status codes.
 */
export function buildLoadtesterApp(config: LoadtesterConfig, deps: KitDeps = {}): FastifyInstance {
  // The loadtester is a tool, not a demo target: fault injection never applies to it.
  const app = buildServer(
    config.kit,
    { label: 'Loadtester', faults: { appliesTo: () => false }, faultControl: false },
    deps,
  );
  const gates = new GateStore(config.gatesFile, config.initialGates);
  const metrics = createLoadtesterMetrics(app.faces.metrics.registry);
  const runner = new TaskRunner(metrics, app.log, config.taskTimeoutSeconds * 1000);
  app.addHook('onClose', async () => runner.stopAll());

  app.register(async (scope) => {
    // Flagger's Go server reads any body as JSON whatever its Content-Type; so do we.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    // Fastify's default, stated here so that limits.ts holds every bound; more is answered 413.
    scope.addHook('onRoute', (route) => {
      route.bodyLimit = WEBHOOK_BODY_LIMIT_BYTES;
    });

    scope.route({ method: ANY_METHOD, url: '/gate/approve', handler: async (_q, reply) => text(reply, 200, 'OK') });
    scope.route({ method: ANY_METHOD, url: '/gate/halt', handler: async (_q, reply) => text(reply, 403, 'Forbidden') });
    for (const [prefix, route] of [
      ['', '/gate'],
      ['rollback.', '/rollback'],
    ] as const) {
      scope.post(
        `${route}/check`,
        withPayload(async (payload, reply) => {
          const open = gates.isOpen(`${prefix}${canaryOf(payload)}`);
          return open ? text(reply, 200, 'Approved') : text(reply, 403, 'Forbidden');
        }),
      );
      for (const [action, open] of [
        ['open', true],
        ['close', false],
      ] as const) {
        scope.post(
          `${route}/${action}`,
          withPayload(async (payload, reply, request) => {
            const key = `${prefix}${canaryOf(payload)}`;
            await gates.set(key, open);
            request.log.info({ gate: key, open }, `${route.slice(1)} gate ${open ? 'opened' : 'closed'}`);
            return text(reply, 202, '');
          }),
        );
      }
    }

    scope.post(
      '/',
      withPayload(async (payload, reply) => {
        if (config.namespaceRegexp !== undefined && !config.namespaceRegexp.test(payload.namespace)) {
          return text(
            reply,
            403,
            `Forbidden: namespace ${JSON.stringify(payload.namespace)} does not match NAMESPACE_REGEXP`,
          );
        }
        const { metadata } = payload;
        if (Object.keys(metadata).length === 0) return text(reply, 400, 'metadata not found in payload');
        const type = metadata.type ?? 'cmd';
        if (!(TASK_TYPES as readonly string[]).includes(type)) {
          return text(reply, 400, `unknown task type ${type}: this load tester runs ${TASK_TYPES.join(' and ')}`);
        }
        const command = metadata.cmd ?? '';
        const parsed = parseCommand(command);
        if (!parsed.ok) return text(reply, 400, parsed.reason);
        const canary = canaryOf(payload);
        // A full runner answers 503 with the reason: Flagger counts a failed webhook and calls again.
        if (type === 'cmd') {
          const outcome = runner.startBackground(canary, command, parsed.value);
          if (typeof outcome === 'object') return text(reply, 503, outcome.busy);
          return text(reply, 202, outcome === 'started' ? 'started' : 'skipped: already running');
        }
        const busy = runner.whyBusy(parsed.value.workers);
        if (busy !== undefined) return text(reply, 503, busy);
        // Flagger gives up on a webhook after its timeout; a run nobody waits for is stopped.
        const gone = new AbortController();
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) gone.abort();
        });
        const { summary, timedOut } = await runner.runBlocking(canary, command, parsed.value, gone.signal);
        const { failUnder } = parsed.value;
        const under = failUnder !== undefined && summary.successRate < failUnder;
        if (timedOut || under) {
          const reason = timedOut
            ? `timed out after ${config.taskTimeoutSeconds}s`
            : `success rate ${summary.successRate.toFixed(2)}% is under --fail-under ${failUnder}%`;
          return text(reply, 500, `command ${commandSummary(command)} failed: ${reason}\n${formatSummary(summary)}`);
        }
        return text(reply, 200, isTrue(metadata.returnCmdOutput) ? formatSummary(summary) : '');
      }),
    );
  });
  return app;
}

type PayloadHandler = (payload: WebhookPayload, reply: FastifyReply, request: FastifyRequest) => Promise<FastifyReply>;

/** Decodes Flagger's payload first; a body that is not one gets 400, as in Flagger. */
function withPayload(handler: PayloadHandler) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const decoded = decodePayload(request.body);
    if (!decoded.ok) return text(reply, 400, decoded.reason);
    return handler(decoded.value, reply, request);
  };
}

function canaryOf(payload: WebhookPayload): string {
  return `${payload.name}.${payload.namespace}`;
}

function text(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(body);
}
