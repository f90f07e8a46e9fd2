import {
  buildServer,
  FAULT_STATUS,
  FAULTS_PATH,
  type FaultKind,
  installControlForwards,
  isControlPath,
  type KitDeps,
  type SubPath,
  subPathOf,
  UNKNOWN_USER,
  USER_HEADER,
  userOf,
} from '@faces/kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Backends, type GrpcColorFactory } from './backends.js';
import { composeFace, DEGRADED_HEADER, degradation } from './compose.js';
import type { FaceConfig } from './config.js';
import { outgoingTraceparent, RandomIds, TRACEPARENT_HEADER, TRACESTATE_HEADER, traceIdOf } from './trace.js';

const faceSchema = {
  200: {
    type: 'object',
    properties: {
      smiley: { type: 'string' },
      color: { type: 'string' },
      errors: { type: 'array', items: { type: 'string' } },
    },
    required: ['smiley', 'color', 'errors'],
  },
} as const;

const rateSchema = {
  200: {
    type: 'object',
    properties: { rl: { type: 'number' }, maxRate: { type: 'number' } },
    required: ['rl', 'maxRate'],
  },
} as const;

const SUB_PATHS: Readonly<Record<SubPath, string>> = { center: '/center/', edge: '/edge/', '': '/' };

/** The backends' path for a request: its sub-path, and its query passed through. */
export function backendPath(url: string): string {
  const base = SUB_PATHS[subPathOf(url)];
  const query = url.indexOf('?');
  return query === -1 ? base : base + url.slice(query);
}

function firstHeader(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** face's own faults carry the same degradation header as a degraded face. */
function sendFaceFault(reply: FastifyReply, kind: FaultKind, decision: { readonly reason: string }): FastifyReply {
  return reply
    .code(FAULT_STATUS[kind])
    .header(DEGRADED_HEADER, kind === 'rate-limited' ? 'rate-limited' : 'injected')
    .send({ errors: [decision.reason] });
}

/** The face service: every normal GET asks smiley and color at once and composes their answers. */
/** `grpcColor`: the gRPC client (grpc/color-client.ts), which service.ts loads only for COLOR_SERVICE=grpc://. */
export function buildFaceApp(config: FaceConfig, deps: KitDeps = {}, grpcColor?: GrpcColorFactory): FastifyInstance {
  const app = buildServer(config.kit, { label: 'Face', faults: { sendFault: sendFaceFault } }, deps);
  const { faults, now, metrics } = app.faces;
  const backends = new Backends(
    config.smiley,
    config.color,
    { timeoutMs: config.backendTimeoutMs, connections: config.backendConnections, grpc: config.grpc },
    metrics.registry,
    grpcColor,
  );
  app.addHook('onClose', async () => backends.close());
  const ids = new RandomIds();
  // The request's debug line (the kit's) then names the trace; a child logger costs an allocation, so only then.
  const logsRequests = config.kit.logLevel === 'debug' || config.kit.logLevel === 'trace';

  // The base injector of the moment: PUT /faults replaces it. A control route, spared by faults: a
  // fault here would move the rate it reports.
  app.get('/rl', { config: { faults: false }, schema: { response: rateSchema } }, async () => ({
    rl: faults.base.currentRate(now()),
    maxRate: faults.base.config.maxRate,
  }));
  // smiley's and color's fault control, through face (the GUI reaches them this way).
  installControlForwards(
    app,
    {
      smiley: { dispatcher: backends.controlPools.smiley, path: FAULTS_PATH, where: backends.smiley.where },
      color: { dispatcher: backends.controlPools.color, path: FAULTS_PATH, where: backends.color.where },
    },
    config.kit.controlToken,
  );

  app.get('/*', { schema: { response: faceSchema } }, async (request, reply) => {
    // The control paths are not faces, even when CONTROL_TOKEN is unset and they have no route.
    if (isControlPath(request.url)) return reply.callNotFound();
    const incoming = firstHeader(request, TRACEPARENT_HEADER);
    const traceparent = outgoingTraceparent(incoming, ids);
    if (logsRequests) request.log = request.log.child({ trace_id: traceIdOf(traceparent) });
    const headers = [
      USER_HEADER,
      userOf(request),
      'user-agent',
      firstHeader(request, 'user-agent') ?? UNKNOWN_USER,
      TRACEPARENT_HEADER,
      traceparent,
    ];
    const tracestate = firstHeader(request, TRACESTATE_HEADER);
    if (tracestate !== undefined && incoming !== undefined && incoming.slice(3, 35) === traceIdOf(traceparent)) {
      headers.push(TRACESTATE_HEADER, tracestate);
    }
    const { smiley, color } = await backends.fetch(backendPath(request.url), headers);
    const face = composeFace(smiley, color);
    const degraded = degradation(smiley, color);
    if (degraded !== undefined) {
      reply.header(DEGRADED_HEADER, degraded);
      request.log.debug({ degraded, errors: face.errors }, 'degraded face');
    }
    return face;
  });
  return app;
}
