// `faces mcp` as an agent reaches it: the SDK's own client over stdio (spawning the built command)
// and over Streamable HTTP, and the legacy SSE client, against real smiley, color, face and GUI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { LoggingMessageNotificationSchema, type Progress } from '@modelcontextprotocol/sdk/types.js';
import { flaggerEvent } from '../helpers/flagger-events.js';
import {
  backendEnv,
  CONTROL_TOKEN,
  callTool,
  connectHttp,
  connectLegacySse,
  connectStdio,
  facesShown,
  MCP_TOKEN,
  startControlledStack,
  startMcp,
} from '../helpers/mcp.js';
import type { RunningService } from '../helpers/processes.js';
import { parsePrometheus, sumOf } from '../helpers/prometheus.js';
import type { Stack } from '../helpers/stack.js';

const TOOLS = [
  'get_faults',
  'get_rollouts',
  'query_color',
  'query_face',
  'query_smiley',
  'reset_faults',
  'sample_grid',
  'set_faults',
  'update_color',
  'update_smiley',
];

let stack: Stack;
let mcp: RunningService;
let http: Client;
let stdio: Client;

before(async () => {
  stack = await startControlledStack();
  const env = { ...backendEnv(stack), CONTROL_TOKEN };
  mcp = await startMcp({ ...env, MCP_TOKEN });
  [http, stdio] = await Promise.all([connectHttp(mcp.url, MCP_TOKEN), connectStdio(env)]);
});

after(async () => {
  await Promise.allSettled([http?.close(), stdio?.close()]);
  await mcp?.stop();
  await stack?.stop();
});

describe('faces mcp over stdio and Streamable HTTP', () => {
  for (const [transport, client] of [
    ['stdio', () => stdio],
    ['Streamable HTTP', () => http],
  ] as const) {
    it(`${transport}: initialize names the server; tools/list has the ten tools, each with an output schema`, async () => {
      assert.equal(client().getServerVersion()?.name, 'faces');
      const { tools } = await client().listTools();
      assert.deepEqual(tools.map((tool) => tool.name).sort(), TOOLS);
      for (const tool of tools) assert.equal(tool.outputSchema?.type, 'object', `${tool.name} has an outputSchema`);
    });

    it(`${transport}: query_smiley, query_color (gRPC) and query_face quote the services, with structured content`, async () => {
      const smiley = await callTool(client(), 'query_smiley', { subrequest: 'center' });
      assert.equal(smiley.isError, false, smiley.text);
      assert.match(smiley.text, /answered 200: \{"smiley":"&#x1F603;"\}/);
      assert.equal(smiley.structured?.smiley, '&#x1F603;');
      const color = await callTool(client(), 'query_color', { subrequest: 'edge' });
      assert.deepEqual(color.structured, { subrequest: 'edge', color: '#228833' });
      const face = await callTool(client(), 'query_face', { subrequest: 'center', row: 1, col: 2 });
      assert.equal(face.structured?.status, 200);
      assert.equal(face.structured?.row, 1);
      assert.equal(face.structured?.col, 2);
      assert.deepEqual(face.structured?.errors, []);
    });
  }

  it('query_face takes the original defaults (row and col 0)', async () => {
    const face = await callTool(http, 'query_face', { subrequest: 'edge' });
    assert.equal(face.structured?.row, 0);
    assert.equal(face.structured?.col, 0);
  });

  it('sample_grid before and after set_faults for testuser: only testuser sees degraded faces, and reset heals them', async () => {
    const before = await callTool(http, 'sample_grid', { cells: 40, user: 'testuser' });
    assert.equal(facesShown(before), 40, before.text);
    const set = await callTool(http, 'set_faults', { service: 'smiley', user: 'testuser', errorFraction: 100 });
    assert.equal(set.isError, false, set.text);
    assert.deepEqual((set.structured as { faults: { users: Record<string, unknown> } }).faults.users.testuser, {
      errorFraction: 100,
      latchFraction: 0,
      delayBuckets: [],
      maxRate: 0,
    });
    try {
      const broken = await callTool(http, 'sample_grid', { cells: 40, user: 'testuser', via: 'gui' });
      assert.equal(broken.structured?.degraded, 40, broken.text);
      // smiley's 500s show as smiley-error; on a loaded machine face may give up on smiley first (timeout).
      const causes = (broken.structured?.causes ?? {}) as Record<string, number>;
      assert.deepEqual(
        Object.keys(causes).filter((cause) => cause !== 'smiley-error' && cause !== 'timeout'),
        [],
      );
      assert.ok((causes['smiley-error'] ?? 0) > 0, JSON.stringify(causes));
      const other = await callTool(stdio, 'sample_grid', { cells: 40, user: 'other' });
      assert.equal(facesShown(other), 40, other.text);
      const faults = await callTool(stdio, 'get_faults', { service: 'smiley' });
      assert.deepEqual(
        Object.keys(
          (faults.structured as { services: { faults: { users: object } }[] }).services[0]?.faults.users ?? {},
        ),
        ['testuser'],
      );
    } finally {
      const reset = await callTool(http, 'reset_faults', { service: 'smiley', user: 'testuser' });
      assert.equal(reset.isError, false, reset.text);
    }
    const healed = await callTool(http, 'sample_grid', { cells: 40, user: 'testuser' });
    assert.equal(facesShown(healed), 40, healed.text);
  });

  it('sample_grid counts failed cells by cause when face itself fails', async () => {
    await callTool(http, 'set_faults', { service: 'face', user: 'faceuser', errorFraction: 100 });
    try {
      const grid = await callTool(http, 'sample_grid', { cells: 20, user: 'faceuser' });
      assert.equal(grid.structured?.failed, 20, grid.text);
      assert.deepEqual(grid.structured?.causes, { 'face-error': 20 });
    } finally {
      await callTool(http, 'reset_faults', { service: 'face', user: 'faceuser' });
    }
  });

  for (const [transport, client] of [
    ['stdio', () => stdio],
    ['Streamable HTTP', () => http],
  ] as const) {
    it(`${transport}: sample_grid sends a progress notification every 5 of 100 cells`, async () => {
      const seen: Progress[] = [];
      await client().callTool({ name: 'sample_grid', arguments: { cells: 100, concurrency: 4 } }, undefined, {
        onprogress: (progress) => seen.push(progress),
      });
      // The terminal one (100) is written just before the result, and the SDK's client may handle
      // the result first and drop it (typescript-sdk issue #2580): the test takes the one before.
      assert.ok(seen.length >= 19, `${seen.length} progress notifications`);
      assert.deepEqual(seen[18], { progress: 95, total: 100, message: '95 of 100 cells' });
      for (let i = 1; i < seen.length; i++) assert.equal(seen[i]?.progress, (seen[i - 1]?.progress ?? 0) + 5);
    });
  }

  it('update_smiley (HTTP PUT) and update_color (gRPC UpdateColor) change what face serves, and log to the client', async () => {
    const logged: string[] = [];
    http.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      logged.push(String(notification.params.data));
    });
    await http.setLoggingLevel('info');
    try {
      const smiley = await callTool(http, 'update_smiley', { smiley: 'HeartEyes', which: 'edge' });
      assert.deepEqual(smiley.structured, { which: 'edge', smiley: '&#x1F60D;', message: smiley.structured?.message });
      const color = await callTool(http, 'update_color', { color: 'purple', which: 'edge' });
      assert.deepEqual(color.structured, { which: 'edge', color: '#AA3377' });
      const face = await callTool(http, 'query_face', { subrequest: 'edge' });
      assert.equal(face.structured?.smiley, '&#x1F60D;');
      assert.equal(face.structured?.color, '#AA3377');
      assert.ok(logged.includes('smiley (edge) is now &#x1F60D;'), JSON.stringify(logged));
      assert.ok(logged.includes('color (edge) is now #AA3377'), JSON.stringify(logged));
    } finally {
      await callTool(http, 'update_smiley', { smiley: 'Grinning', which: 'edge' });
      await callTool(http, 'update_color', { color: 'blue', which: 'edge' });
    }
  });

  it("get_rollouts shows the GUI's banner for a rollout Flagger posted", async () => {
    const none = await callTool(http, 'get_rollouts');
    assert.deepEqual(none.structured, { rollouts: [] });
    const posted = await fetch(`${stack.gui.url}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(flaggerEvent('face', 'Progressing', 'Advance face.faces canary weight 10')),
    });
    assert.equal(posted.status, 202);
    const rollouts = await callTool(stdio, 'get_rollouts');
    assert.deepEqual(rollouts.structured, {
      rollouts: [
        {
          key: 'faces/face',
          phase: 'Progressing',
          message: 'Advance face.faces canary weight 10',
          eventType: 'Normal',
          progress: { unit: 'weight', value: 10, max: 50 },
          finished: false,
        },
      ],
    });
    assert.match(rollouts.text, /faces\/face: Progressing \(weight 10\)/);
  });

  it("resources give each service's configuration, read-only, and the prompts script a demo", async () => {
    const { resources } = await http.listResources();
    assert.deepEqual(resources.map((resource) => resource.uri).sort(), [
      'faces://config/color',
      'faces://config/face',
      'faces://config/mcp',
      'faces://config/smiley',
    ]);
    const color = await http.readResource({ uri: 'faces://config/color' });
    const colorNow = JSON.parse(String((color.contents[0] as { text: string }).text));
    assert.deepEqual(colorNow.center, { color: '#228833' });
    assert.equal(colorNow.faults.status, 200);
    const own = JSON.parse(
      String(((await stdio.readResource({ uri: 'faces://config/mcp' })).contents[0] as { text: string }).text),
    );
    assert.equal(own.controlToken, 'set');
    assert.ok(!JSON.stringify(own).includes(CONTROL_TOKEN), 'the token itself is never shown');
    const { prompts } = await http.listPrompts();
    assert.deepEqual(prompts.map((prompt) => prompt.name).sort(), ['break_and_heal', 'watch_rollout']);
    const script = await http.getPrompt({ name: 'break_and_heal', arguments: { user: 'alice' } });
    assert.match(JSON.stringify(script.messages), /set_faults with service smiley, user alice and errorFraction 100/);
  });

  it('a client speaking the legacy HTTP+SSE transport (/sse, /messages) reaches the same tools', async () => {
    const legacy = await connectLegacySse(mcp.url, MCP_TOKEN);
    try {
      assert.deepEqual((await legacy.listTools()).tools.map((tool) => tool.name).sort(), TOOLS);
      const smiley = await callTool(legacy, 'query_smiley', { subrequest: 'edge' });
      assert.equal(smiley.structured?.status, 200);
      const grid = await callTool(legacy, 'sample_grid', { cells: 10 });
      assert.equal(grid.structured?.cells, 10);
    } finally {
      await legacy.close();
    }
  });

  it('serves /healthz, /readyz and /metrics like every service, without the token', async () => {
    for (const path of ['/healthz', '/readyz']) assert.equal((await fetch(`${mcp.url}${path}`)).status, 200);
    const samples = parsePrometheus(await (await fetch(`${mcp.url}/metrics`)).text());
    assert.ok(
      sumOf(samples, 'http_request_duration_seconds_count', { method: 'POST', path: '/mcp', service: 'mcp' }) > 10,
    );
  });
});
