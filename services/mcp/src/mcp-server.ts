import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Backends } from './backend-call.js';
import type { ColorGrpc } from './color-grpc.js';
import type { McpConfig } from './config.js';
import { registerPrompts } from './prompts.js';
import { registerResources } from './resources.js';
import type { Slots } from './slots.js';
import { registerRollouts } from './tool-rollouts.js';
import { registerSampleGrid } from './tool-sample-grid.js';
import { registerCellTools } from './tools-cells.js';
import { registerFaultTools } from './tools-faults.js';

export const SERVER_NAME = 'faces';

const INSTRUCTIONS =
  'Faces is a service-mesh demo: a grid of cells, each asking face for a smiley (from smiley) on a color (from color). ' +
  'Use sample_grid to see what the audience sees, get_faults/set_faults/reset_faults to break and heal services ' +
  '(for one user with user), update_smiley/update_color to change what is served, get_rollouts for canary rollouts.';

/** One MCP server (tools, resources, prompts) for one client connection: the SDK binds a server to one transport. */
/** The connections to the backends, shared by every session's server. */
export interface SharedClients {
  readonly color: ColorGrpc;
  readonly backends: Backends;
  /** sample_grid calls running now, over every session. */
  readonly grids: Slots;
}

export function createFacesServer(
  config: McpConfig,
  clients: SharedClients,
  version: string,
  overHttp: boolean,
): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, version },
    { capabilities: { logging: {} }, instructions: INSTRUCTIONS },
  );
  const context = { config, ...clients, overHttp, server };
  registerCellTools(context);
  registerSampleGrid(context);
  registerFaultTools(context);
  registerRollouts(context);
  registerResources(context);
  registerPrompts(context);
  return server;
}
