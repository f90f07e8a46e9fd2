import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Backends } from './backend-call.js';
import type { ColorGrpc } from './color-grpc.js';
import type { McpConfig } from './config.js';
import type { Slots } from './slots.js';

/** What every tool reaches the backends through. */
export interface ToolContext {
  readonly config: McpConfig;
  readonly color: ColorGrpc;
  readonly backends: Backends;
  readonly grids: Slots;
  /** Whether the client reached us over HTTP (changes then also need MCP_TOKEN). */
  readonly overHttp: boolean;
  readonly server: McpServer;
}

export function toolResult(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

/** A tool error: the client (and the model) reads the reason; the server goes on. */
export function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/**
 * Why a tool that changes something is refused now, or undefined. Changes need CONTROL_TOKEN (the
 * services' own secret) and, over HTTP, MCP_TOKEN as well: without it anyone who reaches the port
 * would change the demo with the presenter's authority.
 */
export function changeRefusal(context: ToolContext, tool: string): string | undefined {
  if (context.config.kit.controlToken === undefined) {
    return `${tool} is refused: changes need CONTROL_TOKEN set on the MCP server (the services' control token)`;
  }
  if (context.overHttp && context.config.token === undefined) {
    return `${tool} is refused: over HTTP, changes also need MCP_TOKEN set (so that every client must present it)`;
  }
  return undefined;
}

/** Logs to the client (notifications/message) when it asked for logging; never fails the tool. */
export function logToClient(context: ToolContext, level: 'info' | 'warning' | 'error', data: string): void {
  if (!context.server.isConnected()) return;
  context.server.server.sendLoggingMessage({ level, logger: 'faces', data }).catch(() => undefined);
}

export function where(name: string, address: { host: string; port: number }): string {
  return `${name} (${address.host}:${address.port})`;
}
