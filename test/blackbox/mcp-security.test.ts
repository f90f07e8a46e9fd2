// What `faces mcp` refuses: changes without tokens, clients without MCP_TOKEN, rebound Host and
// Origin names, bad arguments, sessions past their bound or idle; and how a dead backend shows.
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
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
import { startFaces } from '../helpers/processes.js';
import type { Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait-until.js';

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};
const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/** A raw POST /mcp, so that Host, Origin and Authorization are exactly what the test says. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await request(`${url}/mcp`, {
    method: 'POST',
    headers: { ...MCP_HEADERS, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    text: await response.body.text(),
  };
}

let stack: Stack;
before(async () => {
  stack = await startControlledStack();
});
after(async () => {
  await stack?.stop();
});

describe('faces mcp refuses changes unless a token is configured', () => {
  it('over stdio without CONTROL_TOKEN: every change and get_faults is a tool error, and nothing changes', async (t) => {
    const client = await connectStdio(backendEnv(stack));
    t.after(() => client.close());
    const changes: [string, Record<string, unknown>][] = [
      ['update_smiley', { smiley: 'Vomiting' }],
      ['update_color', { color: 'red' }],
      ['set_faults', { service: 'smiley', errorFraction: 100 }],
      ['reset_faults', { service: 'color' }],
    ];
    for (const [tool, args] of changes) {
      const answer = await callTool(client, tool, args);
      assert.equal(answer.isError, true, tool);
      assert.equal(
        answer.text,
        `${tool} is refused: changes need CONTROL_TOKEN set on the MCP server (the services' control token)`,
      );
    }
    assert.match(
      (await callTool(client, 'get_faults')).text,
      /get_faults is refused: reading fault settings needs CONTROL_TOKEN/,
    );
    assert.equal((await callTool(client, 'query_smiley', { subrequest: 'center' })).structured?.smiley, '&#x1F603;');
    assert.equal(facesShown(await callTool(client, 'sample_grid', { cells: 10 })), 10);
  });

  it('over HTTP with CONTROL_TOKEN but no MCP_TOKEN: changes are refused, reads answer', async (t) => {
    const mcp = await startMcp({ ...backendEnv(stack), CONTROL_TOKEN });
    t.after(() => mcp.stop());
    const client = await connectHttp(mcp.url);
    t.after(() => client.close());
    const answer = await callTool(client, 'set_faults', { service: 'smiley', errorFraction: 100 });
    assert.equal(answer.isError, true);
    assert.match(answer.text, /set_faults is refused: over HTTP, changes also need MCP_TOKEN set/);
    assert.equal((await callTool(client, 'get_faults', { service: 'smiley' })).isError, false);
  });
});

describe('faces mcp over HTTP: MCP_TOKEN, Host and Origin', () => {
  it('with MCP_TOKEN: 401 without Authorization, 403 with a wrong token, on /mcp and /sse alike', async (t) => {
    const mcp = await startMcp({ ...backendEnv(stack), MCP_TOKEN });
    t.after(() => mcp.stop());
    const missing = await post(mcp.url, INITIALIZE);
    assert.equal(missing.status, 401);
    assert.equal(missing.headers['www-authenticate'], 'Bearer');
    assert.equal((await post(mcp.url, INITIALIZE, { authorization: `Bearer ${MCP_TOKEN}x` })).status, 403);
    assert.equal((await request(`${mcp.url}/sse`)).statusCode, 401);
    assert.equal((await post(mcp.url, INITIALIZE, { authorization: `Bearer ${MCP_TOKEN}` })).status, 200);
  });

  it('refuses a rebound Host or a foreign Origin with 403 naming it (DNS-rebinding protection)', async (t) => {
    const mcp = await startMcp(backendEnv(stack));
    t.after(() => mcp.stop());
    const host = await post(mcp.url, INITIALIZE, { host: `evil.example:${mcp.port}` });
    assert.equal(host.status, 403);
    assert.match(host.text, /Host \\"evil.example:\d+\\" is not allowed/);
    const origin = await post(mcp.url, INITIALIZE, { origin: 'http://evil.example' });
    assert.equal(origin.status, 403);
    assert.match(origin.text, /Origin \\"http:\/\/evil.example\\" is not allowed/);
    const sse = await request(`${mcp.url}/sse`, { headers: { host: 'evil.example' } });
    assert.equal(sse.statusCode, 403);
    await sse.body.dump();
    assert.equal(
      (await post(mcp.url, INITIALIZE, { host: `localhost:${mcp.port}`, origin: 'http://localhost:6274' })).status,
      200,
    );
  });

  it('takes the names MCP_ALLOWED_HOSTS lists instead of loopback', async (t) => {
    const mcp = await startMcp({ ...backendEnv(stack), MCP_ALLOWED_HOSTS: 'faces-mcp.faces' });
    t.after(() => mcp.stop());
    assert.equal((await post(mcp.url, INITIALIZE, { host: `faces-mcp.faces:${mcp.port}` })).status, 200);
    assert.equal((await post(mcp.url, INITIALIZE)).status, 403);
  });
});

describe('faces mcp: every argument has a limit, and a bad one is a tool error naming it', () => {
  let client: Awaited<ReturnType<typeof connectStdio>>;
  before(async () => {
    client = await connectStdio({ ...backendEnv(stack), CONTROL_TOKEN });
  });
  after(() => client?.close());

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['sample_grid', { cells: 1001 }, /Invalid arguments for tool sample_grid: .*<=1000 at cells/],
    ['sample_grid', { cells: 0 }, /at cells/],
    ['sample_grid', { cells: 1.5 }, /at cells/],
    ['sample_grid', { concurrency: 33 }, /<=32 at concurrency/],
    ['sample_grid', { user: 'u'.repeat(1025) }, /at user/],
    ['sample_grid', { via: 'browser' }, /at via/],
    ['query_smiley', {}, /at subrequest/],
    ['query_smiley', { subrequest: 'middle' }, /at subrequest/],
    ['query_face', { subrequest: 'center', row: 32 }, /<=31 at row/],
    ['query_face', { subrequest: 'center', col: -1 }, /at col/],
    ['update_smiley', { smiley: 'x'.repeat(65) }, /<=64 characters at smiley/],
    ['update_smiley', { smiley: 'HeartEyes', which: 'middle' }, /at which/],
    ['update_color', { color: '' }, /at color/],
    ['set_faults', { service: 'nginx' }, /at service/],
    ['set_faults', { service: 'smiley', maxRate: 'x'.repeat(257) }, /at maxRate/],
    ['set_faults', { service: 'smiley', delayBuckets: Array.from({ length: 65 }, () => 1) }, /at delayBuckets/],
    // The services' own checks, with their messages.
    [
      'set_faults',
      { service: 'smiley', errorFraction: 101 },
      /^set_faults: errorFraction: ERROR_FRACTION="101" is not valid: an integer percent from 0 to 100$/,
    ],
    [
      'set_faults',
      { service: 'color', delayBuckets: '5,,5' },
      /^set_faults: delayBuckets: DELAY_BUCKETS="5,,5" is not valid/,
    ],
    [
      'set_faults',
      { service: 'face', user: 'tab\there', errorFraction: 1 },
      /^set_faults: user: must be 1 to 1024 printable ASCII/,
    ],
    ['update_smiley', { smiley: 'Bogus' }, /answered 400: unknown smiley "Bogus"/],
    ['update_color', { color: 'notacolor' }, /answered gRPC INVALID_ARGUMENT: .*notacolor/],
  ];
  for (const [tool, args, message] of bad) {
    it(`${tool} ${JSON.stringify(args).slice(0, 80)}`, async () => {
      const answer = await callTool(client, tool, args);
      assert.equal(answer.isError, true, answer.text);
      assert.match(answer.text, message);
    });
  }

  it('runs at most 4 sample_grid calls at once: a fifth is refused by name while they run', async () => {
    // face waits 400 ms for slowuser: each call of 8 cells, one at a time, takes over 3 s.
    const slow = await callTool(client, 'set_faults', { service: 'face', user: 'slowuser', delayBuckets: [400] });
    assert.equal(slow.isError, false, slow.text);
    try {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          callTool(client, 'sample_grid', { cells: 8, user: 'slowuser', concurrency: 1 }),
        ),
      );
      const refused = answers.filter((answer) => answer.isError);
      assert.equal(refused.length, 1, JSON.stringify(answers.map((answer) => answer.text)));
      assert.match(refused[0]?.text ?? '', /^sample_grid is refused: 4 samples are running already/);
      assert.equal(answers.filter((answer) => facesShown(answer) === 8).length, 4);
    } finally {
      await callTool(client, 'reset_faults', { service: 'face', user: 'slowuser' });
    }
  });

  it('still answers after every refusal', async () => {
    assert.equal((await callTool(client, 'query_smiley', { subrequest: 'edge' })).structured?.status, 200);
  });
});

describe('faces mcp: a dead backend is a tool error with its reason, within the backend timeout', () => {
  it('refused connections, a gRPC peer gone and a silent face each give their reason', async (t) => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    t.after(() => {
      for (const socket of sockets) socket.destroy();
      silent.close();
    });
    const client = await connectStdio({
      SMILEY_URL: `127.0.0.1:${deadPort}`,
      COLOR_URL: `127.0.0.1:${deadPort}`,
      FACE_URL: `127.0.0.1:${(silent.address() as { port: number }).port}`,
      GUI_URL: `127.0.0.1:${deadPort}`,
      MCP_BACKEND_TIMEOUT_MS: '500',
    });
    t.after(() => client.close());
    const smiley = await callTool(client, 'query_smiley', { subrequest: 'center' });
    assert.equal(smiley.isError, true);
    assert.match(
      smiley.text,
      /^cannot get an answer from smiley \(127\.0\.0\.1:\d+\): connection refused \(ECONNREFUSED\)$/,
    );
    const color = await callTool(client, 'query_color', { subrequest: 'center' });
    assert.equal(color.isError, true);
    assert.match(color.text, /^color \(grpc:\/\/127\.0\.0\.1:\d+\) answered gRPC UNAVAILABLE/);
    const started = performance.now();
    const face = await callTool(client, 'query_face', { subrequest: 'center' });
    assert.equal(face.isError, true);
    assert.match(face.text, /^cannot get an answer from face \(127\.0\.0\.1:\d+\): no answer within 500 ms$/);
    assert.ok(performance.now() - started < 5000, 'bounded by the backend timeout, not by the default 5 s');
    const grid = await callTool(client, 'sample_grid', { cells: 5 });
    assert.match(grid.text, /no answer within 500 ms/);
    assert.equal(grid.isError, true);
    assert.match((await callTool(client, 'get_rollouts')).text, /cannot read the rollouts from the GUI .*ECONNREFUSED/);
  });
});

describe('faces mcp: sessions are bounded in number and idle time; streams are resumable', () => {
  it('refuses a session past MCP_MAX_SESSIONS (Streamable HTTP and legacy SSE count together) with 503', async (t) => {
    const mcp = await startMcp({ ...backendEnv(stack), MCP_MAX_SESSIONS: '2' });
    t.after(() => mcp.stop());
    const first = await connectHttp(mcp.url);
    const second = await connectHttp(mcp.url);
    t.after(() => Promise.allSettled([first.close(), second.close()]));
    const third = await post(mcp.url, INITIALIZE);
    assert.equal(third.status, 503);
    assert.match(third.text, /2 MCP sessions are open already \(MCP_MAX_SESSIONS\)/);
    const sse = await request(`${mcp.url}/sse`);
    assert.equal(sse.statusCode, 503);
    await sse.body.dump();
    await assert.rejects(connectHttp(mcp.url));
    // Ending one session (DELETE) makes room for another.
    const transport = (first as unknown as { transport: { terminateSession(): Promise<void> } }).transport;
    await transport.terminateSession();
    const again = await connectHttp(mcp.url);
    t.after(() => again.close());
    assert.equal((await callTool(again, 'query_smiley', { subrequest: 'center' })).structured?.status, 200);
  });

  it('closes a session idle past MCP_SESSION_IDLE_SECONDS: its id is then unknown (404)', async (t) => {
    const mcp = await startMcp({ ...backendEnv(stack), MCP_SESSION_IDLE_SECONDS: '1' });
    t.after(() => mcp.stop());
    const opened = await post(mcp.url, INITIALIZE);
    const session = String(opened.headers['mcp-session-id']);
    const ping = { jsonrpc: '2.0', id: 2, method: 'ping' };
    assert.equal(
      (await post(mcp.url, ping, { 'mcp-session-id': session, 'mcp-protocol-version': '2025-06-18' })).status,
      200,
    );
    // Watched in its log, not by asking: a request would keep the session alive.
    await waitUntil(
      'the idle session to be closed',
      async () => mcp.lines.some((line) => line.includes('idle MCP sessions closed')),
      (closed) => closed,
      15_000,
      100,
    );
    const gone = await post(mcp.url, ping, { 'mcp-session-id': session, 'mcp-protocol-version': '2025-06-18' });
    assert.equal(gone.status, 404);
    assert.match(gone.text, /Session not found/);
  });

  it('gives SSE events ids, and replays after one with Last-Event-ID (400 for an unknown id)', async (t) => {
    const mcp = await startMcp(backendEnv(stack));
    t.after(() => mcp.stop());
    const opened = await post(mcp.url, INITIALIZE);
    const headers = {
      'mcp-session-id': String(opened.headers['mcp-session-id']),
      'mcp-protocol-version': '2025-06-18',
    };
    await post(mcp.url, { jsonrpc: '2.0', method: 'notifications/initialized' }, headers);
    const call = await post(
      mcp.url,
      {
        jsonrpc: '2.0',
        id: 3,
        method: 'tools/call',
        params: { name: 'query_smiley', arguments: { subrequest: 'edge' } },
      },
      headers,
    );
    const ids = [...call.text.matchAll(/^id: (.+)$/gm)].map((match) => match[1] as string);
    assert.ok(ids.length >= 1, call.text);
    const resumed = await request(`${mcp.url}/mcp`, {
      headers: { ...headers, accept: 'text/event-stream', 'last-event-id': ids[0] as string },
    });
    assert.equal(resumed.statusCode, 200);
    assert.match(String(resumed.headers['content-type']), /text\/event-stream/);
    resumed.body.destroy();
    const unknown = await request(`${mcp.url}/mcp`, {
      headers: { ...headers, accept: 'text/event-stream', 'last-event-id': 'nope_1' },
    });
    assert.equal(unknown.statusCode, 400);
    await unknown.body.dump();
  });
});

describe('faces mcp shuts down like every service', () => {
  it('SIGTERM with open Streamable HTTP and legacy SSE sessions ends them and exits 0', async (t) => {
    const mcp = await startMcp({ ...backendEnv(stack), DRAIN_SECONDS: '0', SHUTDOWN_TIMEOUT_SECONDS: '10' });
    const streamable = await connectHttp(mcp.url);
    const legacy = await connectLegacySse(mcp.url);
    // The legacy client's EventSource reconnects for ever unless closed.
    t.after(() => Promise.allSettled([streamable.close(), legacy.close()]));
    assert.equal((await callTool(legacy, 'query_smiley', { subrequest: 'center' })).structured?.status, 200);
    assert.equal((await callTool(streamable, 'query_smiley', { subrequest: 'center' })).structured?.status, 200);
    // Past SHUTDOWN_TIMEOUT_SECONDS the process would exit 1: a session holding it open fails here.
    assert.equal(await mcp.stop(), 0);
    assert.ok(mcp.lines.some((line) => line.includes('shutdown complete')));
  });
});

describe('faces mcp in the image', () => {
  it('FACES_SERVICE=mcp runs it, as the container does', async (t) => {
    const mcp = await startFaces([], { FACES_SERVICE: 'mcp', ...backendEnv(stack) });
    t.after(() => mcp.stop());
    assert.equal((await post(mcp.url, INITIALIZE)).status, 200);
  });
});
