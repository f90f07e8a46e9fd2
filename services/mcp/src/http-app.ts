import { randomUUID } from 'node:crypto';
import { buildServer, type KitDeps } from '@faces/kit';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Backends } from './backend-call.js';
import { ColorGrpc } from './color-grpc.js';
import type { McpConfig } from './config.js';
import { BoundedEventStore } from './event-store.js';
import { LIMITS } from './limits.js';
import { createFacesServer } from './mcp-server.js';
import { mcpGuard } from './request-guard.js';
import { type Closable, Sessions } from './sessions.js';
import { Slots } from './slots.js';
import { MCP_VERSION } from './version.js';

export const MCP_PATH = '/mcp';
export const SSE_PATH = '/sse';
export const MESSAGES_PATH = '/messages';
/** An MCP message is a few KiB; a tool's arguments are bounded far below this. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

const STREAMABLE = 'streamable';
const LEGACY = 'sse';

/** A refusal in JSON-RPC's error shape, as MCP clients read it. */
function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).send({ jsonrpc: '2.0', error: { code: -32000, message }, id: null });
}

function sessionIdOf(request: FastifyRequest): string | undefined {
  const id = request.headers['mcp-session-id'];
  return Array.isArray(id) ? id[0] : id;
}

/**
 * The MCP server over HTTP on the kit's server (health, metrics, shutdown): Streamable HTTP at
 * /mcp with sessions and resumable streams, and the 2024 HTTP+SSE pair /sse + /messages.
 */
export function buildMcpApp(config: McpConfig, deps: KitDeps = {}): FastifyInstance {
  const app = buildServer(config.kit, { label: 'MCP', faultControl: false, faults: { appliesTo: () => false } }, deps);
  const clients = {
    color: new ColorGrpc(config.color, config.backendTimeoutMs),
    backends: new Backends(),
    grids: new Slots(LIMITS.maxGrids),
  };
  const sessions = new Sessions<Closable>(config.maxSessions, config.sessionIdleMs);
  const onRequest = mcpGuard(config.allowedHosts, config.token);
  const routeOptions = { onRequest, bodyLimit: MAX_MESSAGE_BYTES };
  const full = () => `${sessions.max} MCP sessions are open already (MCP_MAX_SESSIONS); close one or try later`;

  const sweeper = setInterval(
    () => {
      sessions.sweep().then((closed) => {
        if (closed.length > 0) app.log.info({ sessions: closed.length }, 'idle MCP sessions closed');
      });
    },
    Math.min(config.sessionIdleMs / 2, 30_000),
  );
  sweeper.unref();
  app.addHook('preClose', async () => {
    clearInterval(sweeper);
    await sessions.closeAll();
    await clients.backends.close();
  });

  app.post(MCP_PATH, routeOptions, async (request, reply) => {
    const id = sessionIdOf(request);
    if (id !== undefined) {
      const transport = sessions.use(id, STREAMABLE) as StreamableHTTPServerTransport | undefined;
      if (transport === undefined) return refuse(reply, 404, 'Session not found: initialize a new one');
      reply.hijack();
      await transport.handleRequest(request.raw, reply.raw, request.body);
      return reply;
    }
    if (!isInitializeRequest(request.body)) return refuse(reply, 400, 'No Mcp-Session-Id: send initialize first');
    if (sessions.full) return refuse(reply.header('retry-after', '10'), 503, full());
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      eventStore: new BoundedEventStore(),
      onsessioninitialized: (sessionId) => {
        // Two initializes at once may both pass the check above: the second is closed here.
        if (!sessions.add(sessionId, transport, STREAMABLE)) {
          transport.close().catch(() => undefined);
          return;
        }
        app.log.info({ session: sessionId, sessions: sessions.size }, 'MCP session opened');
      },
    });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) sessions.forget(transport.sessionId);
    };
    await createFacesServer(config, clients, MCP_VERSION, true).connect(transport);
    reply.hijack();
    await transport.handleRequest(request.raw, reply.raw, request.body);
    return reply;
  });

  const onSession = async (request: FastifyRequest, reply: FastifyReply) => {
    const id = sessionIdOf(request);
    const transport =
      id === undefined ? undefined : (sessions.use(id, STREAMABLE) as StreamableHTTPServerTransport | undefined);
    if (transport === undefined) return refuse(reply, id === undefined ? 400 : 404, 'Session not found');
    reply.hijack();
    await transport.handleRequest(request.raw, reply.raw);
    return reply;
  };
  app.get(MCP_PATH, { onRequest }, onSession);
  app.delete(MCP_PATH, { onRequest }, onSession);

  app.get(SSE_PATH, { onRequest }, async (request, reply) => {
    if (sessions.full) return refuse(reply.header('retry-after', '10'), 503, full());
    reply.hijack();
    const transport = new SSEServerTransport(MESSAGES_PATH, reply.raw);
    sessions.add(transport.sessionId, transport, LEGACY);
    transport.onclose = () => sessions.forget(transport.sessionId);
    request.raw.socket.once('close', () => {
      sessions.forget(transport.sessionId);
      transport.close().catch(() => undefined);
    });
    app.log.info({ session: transport.sessionId, sessions: sessions.size }, 'MCP session opened (legacy SSE)');
    await createFacesServer(config, clients, MCP_VERSION, true).connect(transport);
    return reply;
  });

  app.post<{ Querystring: { sessionId?: string } }>(
    MESSAGES_PATH,
    {
      ...routeOptions,
      schema: {
        querystring: {
          type: 'object',
          properties: { sessionId: { type: 'string', maxLength: 64 } },
          required: ['sessionId'],
        },
      },
    },
    async (request, reply) => {
      const transport = sessions.use(request.query.sessionId ?? '', LEGACY) as SSEServerTransport | undefined;
      if (transport === undefined) return refuse(reply, 404, 'Session not found: open /sse again');
      reply.hijack();
      await transport.handlePostMessage(request.raw, reply.raw, request.body);
      return reply;
    },
  );

  return app;
}
