#!/usr/bin/env node
// A real MCP client session with `faces mcp`, for the record: starts smiley, color, face and the
// GUI (live fault control on) and `faces mcp` over Streamable HTTP as real processes on loopback,
// connects the SDK's own client through a transport that prints every JSON-RPC message, and runs
// initialize, tools/list, sample_grid, set_faults for testuser, sample_grid again, reset_faults.
// Then it measures sample_grid with 1000 cells (via face and via the GUI): its time, and the MCP
// server's resident memory before and at its peak (VmHWM).
// Usage: npm run build && node scripts/mcp-transcript.mjs
import { readFile } from 'node:fs/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { backendEnv, CONTROL_TOKEN, MCP_TOKEN, startControlledStack, startMcp } from '../test/dist/helpers/mcp.js';

/** tools/list answers are long (ten input and output schemas): shown as name and title. */
function shown(message) {
  const tools = message.result?.tools;
  if (Array.isArray(tools)) {
    return JSON.stringify({
      ...message,
      result: { tools: tools.map((tool) => ({ name: tool.name, title: tool.title, '…': 'schemas left out' })) },
    });
  }
  return JSON.stringify(message);
}

class PrintingTransport {
  constructor(inner) {
    this.inner = inner;
  }
  get sessionId() {
    return this.inner.sessionId;
  }
  setProtocolVersion(version) {
    this.inner.setProtocolVersion?.(version);
  }
  start() {
    this.inner.onmessage = (message, extra) => {
      console.log(`← ${shown(message)}`);
      this.onmessage?.(message, extra);
    };
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onclose = () => this.onclose?.();
    return this.inner.start();
  }
  send(message, options) {
    console.log(`→ ${shown(message)}`);
    return this.inner.send(message, options);
  }
  close() {
    return this.inner.close();
  }
}

async function rssOf(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1]) / 1024;
  return { rssMiB: kib('VmRSS').toFixed(1), peakMiB: kib('VmHWM').toFixed(1) };
}

const stack = await startControlledStack();
const mcp = await startMcp({ ...backendEnv(stack), CONTROL_TOKEN, MCP_TOKEN });
try {
  console.log(`# faces mcp at ${mcp.url}/mcp (MCP_TOKEN and CONTROL_TOKEN set), against real smiley, color, face, GUI`);
  const client = new Client({ name: 'transcript', version: '1.0.0' });
  const inner = new StreamableHTTPClientTransport(new URL(`${mcp.url}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${MCP_TOKEN}` } },
  });
  await client.connect(new PrintingTransport(inner));
  await client.listTools();
  const call = (name, args) => client.callTool({ name, arguments: args });
  await call('sample_grid', { cells: 100, user: 'testuser' });
  await call('set_faults', { service: 'smiley', user: 'testuser', errorFraction: 100 });
  await call('sample_grid', { cells: 100, user: 'testuser', via: 'gui' });
  await call('sample_grid', { cells: 100, user: 'other' });
  await call('reset_faults', { service: 'smiley', user: 'testuser' });
  await call('sample_grid', { cells: 100, user: 'testuser' });
  await client.close();

  console.log('\n# sample_grid with 1000 cells (concurrency 8, the default), the MCP server measured');
  const quiet = new Client({ name: 'measure', version: '1.0.0' });
  await quiet.connect(
    new StreamableHTTPClientTransport(new URL(`${mcp.url}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${MCP_TOKEN}` } },
    }),
  );
  console.log(`before: ${JSON.stringify(await rssOf(mcp.child.pid))}`);
  for (const via of ['face', 'gui', 'face', 'gui']) {
    let notifications = 0;
    const started = performance.now();
    const result = await quiet.callTool({ name: 'sample_grid', arguments: { cells: 1000, via } }, undefined, {
      onprogress: () => notifications++,
      timeout: 120_000,
    });
    const wall = Math.round(performance.now() - started);
    const { elapsedMs, p50Ms, p99Ms, whole } = result.structuredContent;
    console.log(
      `via ${via}: ${wall} ms at the client (${elapsedMs} ms in the tool), p50 ${p50Ms} ms, p99 ${p99Ms} ms, ${whole} whole, ${notifications} progress notifications; memory ${JSON.stringify(await rssOf(mcp.child.pid))}`,
    );
  }
  await quiet.close();
} finally {
  await mcp.stop();
  await stack.stop();
}
