import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildServer,
  FAULT_STATUS,
  FAULTS_PATH,
  type FaultKind,
  installControlForwards,
  type KitDeps,
  POD_HEADER,
  pathOf,
  USER_HEADER,
  userOf,
} from '@faces/kit';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_APP_ROOT } from './app-root.js';
import type { GuiConfig } from './config.js';
import { eventsRoutes } from './events-routes.js';
import { FaceProxy } from './face-proxy.js';
import { APP_CSP, ERROR_PAGE, ERROR_PAGE_CSP, PageTemplate, pageConfigFor } from './page.js';

export interface GuiDeps extends KitDeps {
  /** The built app (index.html and assets/); tests point it at a fixture. */
  readonly appRoot?: string;
}

const PAGE_PATHS = new Set(['/', '/index.html']);

/** GUI faults hit the page itself: the proxy, the config and assets stay clean (face has its own faults). */
export function isPageRequest(request: FastifyRequest): boolean {
  return PAGE_PATHS.has(pathOf(request.url));
}

function sendErrorPage(reply: FastifyReply, kind: FaultKind): FastifyReply {
  return reply
    .code(FAULT_STATUS[kind])
    .header('content-security-policy', ERROR_PAGE_CSP)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(ERROR_PAGE);
}

function firstHeader(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** faces-gui: the app's page (config in a JSON island), its assets, its config, and /face/… passed to face. */
export function buildGuiApp(config: GuiConfig, deps: GuiDeps = {}): FastifyInstance {
  const app = buildServer(
    config.kit,
    { label: 'GUI', faults: { appliesTo: isPageRequest, sendFault: sendErrorPage } },
    deps,
  );
  const appRoot = deps.appRoot ?? DEFAULT_APP_ROOT;
  const indexPath = join(appRoot, 'index.html');
  const template = existsSync(indexPath) ? new PageTemplate(readFileSync(indexPath, 'utf8')) : undefined;
  if (template === undefined) app.log.error({ indexPath }, 'the app is not built (run npm run build): the page is 404');

  app.addHook('onRequest', async (_request, reply) => {
    reply.header('content-security-policy', APP_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });

  const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
    if (template === undefined) return reply.callNotFound();
    return reply
      .header('cache-control', 'no-cache')
      .header('vary', USER_HEADER)
      .type('text/html; charset=utf-8')
      .send(template.render(pageConfigFor(config, userOf(request))));
  };
  app.get('/', sendPage);
  app.get('/index.html', sendPage);

  // For the User field: the page settings and background as another user would get them.
  app.get('/config.json', async (request, reply) => {
    reply.header('cache-control', 'no-store').header('vary', USER_HEADER);
    return pageConfigFor(config, userOf(request));
  });

  // Hashed file names: a new build has new names, so the old ones may be cached for good.
  app.register(fastifyStatic, {
    root: join(appRoot, 'assets'),
    prefix: '/assets/',
    index: false,
    cacheControl: false,
    setHeaders: (res) => res.setHeader('cache-control', 'public, max-age=31536000, immutable'),
  });

  app.register(eventsRoutes, { token: config.eventsToken, now: app.faces.now });

  const proxy = new FaceProxy(config.face, config.faceTimeoutMs);
  app.addHook('onClose', async () => proxy.close());
  // The presenter panel's way to every backend's fault control: face's own, and smiley's and
  // color's through face (which passes /faults/<backend> on). Each hop checks its CONTROL_TOKEN.
  const { dispatcher, where } = proxy;
  installControlForwards(
    app,
    {
      face: { dispatcher, where, path: FAULTS_PATH },
      smiley: { dispatcher, where, path: `${FAULTS_PATH}/smiley` },
      color: { dispatcher, where, path: `${FAULTS_PATH}/color` },
    },
    config.kit.controlToken,
  );
  app.get('/face/*', async (request, reply) => {
    const result = await proxy.get(request.url, firstHeader(request, USER_HEADER), firstHeader(request, 'user-agent'));
    reply.header('cache-control', 'no-store');
    if (result.kind === 'answer') {
      reply.code(result.status).headers(result.headers);
      if (result.headers[POD_HEADER] === undefined) reply.removeHeader(POD_HEADER);
      return reply.send(result.body);
    }
    // Not face's answer: no pod answered, so the pod column must not count the GUI's own.
    reply.removeHeader(POD_HEADER);
    request.log.warn({ detail: result.detail }, 'face did not answer');
    return reply.code(result.kind === 'timeout' ? 504 : 502).send({ errors: [result.detail] });
  });
  return app;
}
