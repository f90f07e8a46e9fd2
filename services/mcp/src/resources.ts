import { LIMITS } from './limits.js';
import { type ToolContext, where } from './tool-context.js';

const JSON_TYPE = 'application/json';

function parsedOrText(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body.trim();
  }
}

/** What a service says about itself now: its center and edge answers and, with the token, its faults. */
async function serviceNow(context: ToolContext, service: 'smiley' | 'face'): Promise<Record<string, unknown>> {
  const { config } = context;
  const address = config[service];
  const at = where(service, address);
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const answer = await context.backends.call(`${address.origin}${path}`, at, {
      headers,
      timeoutMs: config.backendTimeoutMs,
    });
    if (!answer.ok) return { error: answer.reason };
    return { status: answer.value.status, answer: parsedOrText(answer.value.body) };
  };
  const token = config.kit.controlToken;
  const [center, edge, faults] = await Promise.all([
    get('/center/'),
    get('/edge/'),
    token === undefined ? undefined : get('/faults', { authorization: `Bearer ${token}` }),
  ]);
  return {
    service,
    address: `${address.host}:${address.port}`,
    center,
    edge,
    ...(faults === undefined ? {} : { faults }),
  };
}

async function colorNow(context: ToolContext): Promise<Record<string, unknown>> {
  const [center, edge] = await Promise.all([context.color.query('center', 1, 1), context.color.query('edge', 0, 0)]);
  const shown = (call: Awaited<ReturnType<typeof context.color.query>>) =>
    call.ok ? { color: call.value.color } : { error: call.reason };
  const { config } = context;
  let faults: unknown;
  if (config.kit.controlToken !== undefined) {
    const answer = await context.backends.call(`${config.color.origin}/faults`, where('color', config.color), {
      headers: { authorization: `Bearer ${config.kit.controlToken}` },
      timeoutMs: config.backendTimeoutMs,
    });
    faults = answer.ok
      ? { status: answer.value.status, answer: parsedOrText(answer.value.body) }
      : { error: answer.reason };
  }
  return {
    service: 'color',
    address: `grpc://${config.color.host}:${config.color.port}`,
    center: shown(center),
    edge: shown(edge),
    ...(faults === undefined ? {} : { faults }),
  };
}

/** The MCP server's own settings; tokens only as set or not. */
function mcpNow(context: ToolContext): Record<string, unknown> {
  const { config } = context;
  const address = (a: { host: string; port: number }) => `${a.host}:${a.port}`;
  return {
    transport: config.transport,
    smiley: address(config.smiley),
    color: address(config.color),
    face: address(config.face),
    gui: address(config.gui),
    mcpToken: config.token === undefined ? 'unset' : 'set',
    controlToken: config.kit.controlToken === undefined ? 'unset (changes refused)' : 'set',
    allowedHosts: config.allowedHosts ?? '*',
    maxSessions: config.maxSessions,
    sessionIdleSeconds: config.sessionIdleMs / 1000,
    backendTimeoutMs: config.backendTimeoutMs,
    limits: LIMITS,
  };
}

/** faces://config/<service>: each service's current configuration, read-only. */
export function registerResources(context: ToolContext): void {
  const entries: [string, string, () => Promise<Record<string, unknown>> | Record<string, unknown>][] = [
    [
      'smiley',
      'What smiley serves now (center and edge) and, with CONTROL_TOKEN, its fault settings',
      () => serviceNow(context, 'smiley'),
    ],
    [
      'color',
      'What color serves now over gRPC (center and edge) and, with CONTROL_TOKEN, its fault settings',
      () => colorNow(context),
    ],
    [
      'face',
      'A center and an edge face as face composes them now and, with CONTROL_TOKEN, its fault settings',
      () => serviceNow(context, 'face'),
    ],
    ['mcp', "This MCP server's backends, limits and whether changes are allowed", () => mcpNow(context)],
  ];
  for (const [name, description, read] of entries) {
    const uri = `faces://config/${name}`;
    context.server.registerResource(
      `${name}-config`,
      uri,
      { title: `${name} configuration`, description, mimeType: JSON_TYPE },
      async () => ({ contents: [{ uri, mimeType: JSON_TYPE, text: JSON.stringify(await read(), null, 2) }] }),
    );
  }
}
