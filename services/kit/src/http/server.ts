import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { KitConfig } from '../config/kit-config.js';
import { FaultControl } from '../faults/fault-control.js';
import { FAULTS_PATH, installFaultRoutes } from '../faults/fault-routes.js';
import type { FaultInjector } from '../faults/faults.js';
import { type FaultsOptions, installFaults } from '../faults/faults-plugin.js';
import { createRng, type Rng, randomSeed } from '../faults/random.js';
import { loggerOptions } from '../logging/logger.js';
import { createMetrics, installMetrics, type Metrics, requestRecorder } from '../metrics/metrics.js';
import { clientErrorHandler } from './client-error.js';
import { connectionLimits } from './connection-limits.js';
import { installConnectionSweep } from './connection-sweep.js';
import { setFacesHeaders } from './faces-headers.js';
import { Health, installHealth } from './health.js';
import { lazySchemaCompilers } from './lazy-schema-compilers.js';
import { pathOf } from './url-path.js';

export interface KitDeps {
  /** The fault generator; by default seeded from FACES_SEED (or a logged random seed). */
  readonly rng?: Rng;
  /** Milliseconds since the epoch; tests inject a clock to move the latch and rate windows. */
  readonly now?: () => number;
  /** Where logs go; stdout by default. */
  readonly logStream?: NodeJS.WritableStream;
  /** Node process metrics; tests building many apps may turn them off. */
  readonly processMetrics?: boolean;
}

export interface ServerOptions {
  /** The Service label in messages and metrics, e.g. "Smiley". */
  readonly label: string;
  readonly faults?: Pick<FaultsOptions, 'appliesTo' | 'sendFault'>;
  /** GET/PUT/DELETE /faults (live when CONTROL_TOKEN is set); false for a service faults never touch. */
  readonly faultControl?: boolean;
}

/** What the kit hangs on every app. */
export interface KitContext {
  readonly config: KitConfig;
  readonly health: Health;
  readonly metrics: Metrics;
  /** The fault settings now: the environment's, or what PUT /faults made them. */
  readonly faults: FaultControl;
  /** The base injector (everyone without settings of their own): `faults.base`. */
  readonly injector: FaultInjector;
  readonly now: () => number;
}

declare module 'fastify' {
  interface FastifyInstance {
    faces: KitContext;
  }
}

const ALLOWED_METHODS = 'GET, HEAD';
const CONTROL_METHODS = 'GET, HEAD, PUT, DELETE';

/** /faults and /faults/<hop>: the control routes, which also take PUT and DELETE. */
export function isControlPath(url: string): boolean {
  const path = pathOf(url);
  return path === FAULTS_PATH || path.startsWith(`${FAULTS_PATH}/`);
}

/** What a 405 names as allowed. */
function allowedMethods(url: string): string {
  return isControlPath(url) ? CONTROL_METHODS : ALLOWED_METHODS;
}

/** A Fastify instance with the kit installed: headers, faults, health, metrics, errors. Never listens. */
export function buildServer(config: KitConfig, options: ServerOptions, deps: KitDeps = {}): FastifyInstance {
  const seed = config.seed ?? randomSeed();
  const logsRequests = config.logLevel === 'debug' || config.logLevel === 'trace';
  const app = Fastify({
    logger: loggerOptions(config.logLevel, config.service, deps.logStream),
    // The kit logs its own request line, at debug (see logger.ts).
    logController: new LogController({ disableRequestLogging: true }),
    // A child logger per request (for its reqId) costs an allocation on every request; below debug
    // nothing logs per request, so requests share the app's logger and errors name their reqId.
    ...(logsRequests ? {} : { childLoggerFactory: (logger: FastifyBaseLogger) => logger }),
    // Requests that arrive on open connections while closing are still served: none is dropped.
    return503OnClosing: false,
    schemaController: { compilersFactory: lazySchemaCompilers() },
    // Closes only connections idle after an answer; connection-sweep.ts closes the others at close.
    forceCloseConnections: 'idle',
    ...connectionLimits(config),
    // Fastify's answers to malformed requests, but never a second answer to one request.
    clientErrorHandler,
  });
  const now = deps.now ?? Date.now;
  const metrics = createMetrics(config.service, deps.processMetrics ?? true);
  const faults = new FaultControl(config.faults, deps.rng ?? createRng(seed), options.label);
  const health = new Health();
  app.decorate('faces', {
    config,
    health,
    metrics,
    faults,
    get injector() {
      return faults.base;
    },
    now,
  });
  if (config.seed === undefined && deps.rng === undefined) app.log.info({ seed }, 'no FACES_SEED: using a random seed');

  // The kit's one onRequest hook: each hook is a call on every request.
  const { pod } = config;
  const recordRequest = requestRecorder(metrics);
  app.addHook('onRequest', (request, reply, done) => {
    recordRequest(request, reply);
    // A refused request (a too long user) is answered already: the hook chain ends here.
    if (setFacesHeaders(request, reply, pod)) done();
  });
  installMetrics(app, metrics);
  installConnectionSweep(app);
  const faultControl = options.faultControl ?? true;
  installFaults(app, {
    control: faults,
    live: faultControl && config.controlToken !== undefined,
    metrics,
    now,
    ...options.faults,
  });
  if (faultControl) installFaultRoutes(app, faults, config.controlToken);
  installHealth(app, health);
  if (logsRequests) {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.debug(
        { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request completed',
      );
      done();
    });
  }

  const controlOff = config.controlToken === undefined;
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    // Without CONTROL_TOKEN the control paths do not exist, whatever the method (the contract's 404).
    if (controlOff && isControlPath(request.url))
      return reply.code(404).send({ error: 'Not Found', path: request.url });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const allowed = allowedMethods(request.url);
      return reply.code(405).header('allow', allowed).send({ error: 'Method Not Allowed', allowed });
    }
    return reply.code(404).send({ error: 'Not Found', path: request.url });
  });
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error, reqId: request.id, method: request.method, url: request.url }, 'request failed');
      return reply.code(status).send({ error: 'Internal Server Error' });
    }
    return reply.code(status).send({ error: error.message });
  });
  return app;
}
