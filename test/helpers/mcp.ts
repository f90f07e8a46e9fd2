import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { FACES_BIN, type RunningService, startFaces } from './processes.js';
import { type Stack, startStack } from './stack.js';

export const CONTROL_TOKEN = 'mcp-test-control-token';
export const MCP_TOKEN = 'mcp-test-client-token';

/** The backend variables of `faces mcp` for a running stack. */
export function backendEnv(stack: Stack): Record<string, string> {
  return {
    SMILEY_URL: stack.smiley.url,
    COLOR_URL: `127.0.0.1:${stack.color.port}`,
    FACE_URL: stack.face.url,
    GUI_URL: stack.gui.url,
  };
}

/** smiley, color, face and the GUI with live fault control on, as the MCP server drives them. */
export function startControlledStack(): Promise<Stack> {
  const control = { CONTROL_TOKEN };
  return startStack({ smiley: control, color: control, face: control, gui: control });
}

/** `faces mcp` over HTTP on a free loopback port. */
export function startMcp(env: Record<string, string>): Promise<RunningService> {
  return startFaces(['mcp'], { DRAIN_SECONDS: '0', ...env });
}

const CLIENT_INFO = { name: 'faces-test-client', version: '1.0.0' };

export async function connectHttp(url: string, token?: string): Promise<Client> {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const client = new Client(CLIENT_INFO);
  await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers } }));
  return client;
}

export async function connectLegacySse(url: string, token?: string): Promise<Client> {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const client = new Client(CLIENT_INFO);
  await client.connect(
    new SSEClientTransport(new URL(`${url}/sse`), {
      requestInit: { headers },
      eventSourceInit: { fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }) },
    }),
  );
  return client;
}

/** `faces mcp` with TRANSPORT=stdio, spawned by the SDK's own client transport. */
export async function connectStdio(env: Record<string, string>): Promise<Client> {
  const client = new Client(CLIENT_INFO);
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [FACES_BIN, 'mcp'],
      env: { PATH: process.env.PATH ?? '', TRANSPORT: 'stdio', LOG_LEVEL: 'silent', ...env },
      stderr: 'pipe',
    }),
  );
  return client;
}

/** A tool's answer, typed: its text, its structured content and whether it is a tool error. */
export interface ToolAnswer {
  readonly text: string;
  readonly structured: Record<string, unknown> | undefined;
  readonly isError: boolean;
}

export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((item) => (item.type === 'text' ? item.text : '')).join('\n');
  return { text, structured: result.structuredContent, isError: result.isError === true };
}

/**
 * Cells that showed a whole face, on time or not: on a loaded machine a whole face may take the
 * 2 s after which sample_grid counts it as slow, so tests about faults count both.
 */
export function facesShown(answer: ToolAnswer): number {
  const { whole, slow } = (answer.structured ?? {}) as { whole?: number; slow?: number };
  return (whole ?? 0) + (slow ?? 0);
}
