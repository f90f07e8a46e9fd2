import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { Backends } from './backend-call.js';
import { ColorGrpc } from './color-grpc.js';
import type { McpConfig } from './config.js';
import { LIMITS } from './limits.js';
import { createFacesServer } from './mcp-server.js';
import { Slots } from './slots.js';
import { MCP_VERSION } from './version.js';

/**
 * TRANSPORT=stdio: one client on stdin/stdout, as Claude Desktop or an IDE spawns it. stdout
 * carries only MCP messages, so the few log lines go to stderr; the process ends when the client
 * closes stdin or on SIGTERM/SIGINT.
 */
export async function runStdio(config: McpConfig, proc: NodeJS.Process): Promise<void> {
  const log = (msg: string) => {
    if (config.kit.logLevel !== 'silent') proc.stderr.write(`${JSON.stringify({ service: 'mcp', msg })}\n`);
  };
  const backends = new Backends();
  const clients = {
    color: new ColorGrpc(config.color, config.backendTimeoutMs),
    backends,
    grids: new Slots(LIMITS.maxGrids),
  };
  const server = createFacesServer(config, clients, MCP_VERSION, false);
  const transport = new StdioServerTransport(proc.stdin, proc.stdout);
  let closing = false;
  const close = (why: string) => {
    if (closing) return;
    closing = true;
    log(`stopping: ${why}`);
    Promise.allSettled([server.close(), backends.close()]).finally(() => proc.exit(0));
  };
  proc.stdin.once('end', () => close('stdin closed'));
  proc.once('SIGTERM', () => close('SIGTERM'));
  proc.once('SIGINT', () => close('SIGINT'));
  await server.connect(transport);
  log('faces mcp serving MCP on stdio');
}
