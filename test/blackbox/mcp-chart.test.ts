// faces mcp started with the environment the chart's faces-mcp Deployment gives it (mcp.enabled),
// in a namespace full of the kubelet's service-link variables: it becomes ready, a client that
// names the Service (or loopback, as kubectl port-forward does) in Host gets in with MCP_TOKEN,
// another Host is refused, and the tools reach real backends. Only the listening address and the
// backends' addresses are changed, to loopback and the running stack.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { renderChart } from '../helpers/helm.js';
import { get } from '../helpers/http.js';
import { container0, find } from '../helpers/manifests.js';
import { backendEnv, CONTROL_TOKEN, callTool, connectHttp, MCP_TOKEN, startControlledStack } from '../helpers/mcp.js';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { namespaceServiceLinks, servicesOf } from '../helpers/service-links.js';
import type { Stack } from '../helpers/stack.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const objects = renderChart(['--set', 'mcp.enabled=true', '--set', 'existingSecret=faces-tokens']);
const env = at(container0(find(objects, 'Deployment', 'faces-mcp')), 'env') as Json[];
/** The chart's plain values, and the Secret's keys as secretKeyRef would give them. */
const fromChart = Object.fromEntries(
  env.map((v) => {
    const name = String(at(v, 'name'));
    const secret = { CONTROL_TOKEN, MCP_TOKEN }[name];
    return [name, secret ?? String(at(v, 'value'))];
  }),
);
const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};

let stack: Stack;
let mcp: RunningService;
before(async () => {
  stack = await startControlledStack();
  mcp = await startFaces(['mcp'], {
    ...namespaceServiceLinks(servicesOf(objects)),
    ...fromChart,
    ...backendEnv(stack),
    HOST: '127.0.0.1',
    PORT: '0',
    DRAIN_SECONDS: '0',
  });
});
after(async () => {
  await mcp?.stop();
  await stack?.stop();
});

/** POST /mcp initialize with this Host header and the token. */
async function initializeAs(host: string) {
  const response = await request(`${mcp.url}/mcp`, {
    method: 'POST',
    headers: {
      host,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: `Bearer ${MCP_TOKEN}`,
    },
    body: JSON.stringify(INITIALIZE),
  });
  await response.body.text();
  return response.statusCode;
}

describe("faces mcp with the chart's environment", () => {
  it('the chart gives both tokens from the Secret and the service-link variables include faces-mcp’s', () => {
    assert.deepEqual(
      env.filter((v) => at(v, 'valueFrom') !== undefined).map((v) => at(v, 'name')),
      ['CONTROL_TOKEN', 'MCP_TOKEN'],
    );
    assert.match(namespaceServiceLinks(servicesOf(objects)).FACES_MCP_PORT ?? '', /^tcp:\/\/10\.96\./);
  });
  it('is ready', async () => {
    assert.equal((await get(`${mcp.url}/readyz`)).status, 200);
  });
  it('lets in clients that name the Service or loopback (port-forward), and refuses another Host', async () => {
    for (const host of ['faces-mcp', 'faces-mcp.faces', 'faces-mcp.faces.svc.cluster.local', 'localhost:3000']) {
      assert.equal(await initializeAs(host), 200, host);
    }
    assert.equal(await initializeAs('rebound.example.com'), 403);
  });
  it('answers tools from the real backends, and may change them (both tokens set)', async (t) => {
    const client = await connectHttp(mcp.url, MCP_TOKEN);
    t.after(() => client.close());
    const smiley = await callTool(client, 'query_smiley', { subrequest: 'center' });
    assert.equal(smiley.isError, false, smiley.text);
    const faults = await callTool(client, 'get_faults', { service: 'smiley' });
    assert.equal(faults.isError, false, faults.text);
  });
});
