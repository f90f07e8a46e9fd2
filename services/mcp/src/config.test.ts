import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '@faces/kit';
import { LOOPBACK_HOSTS, readMcpConfig } from './config.js';

describe('readMcpConfig', () => {
  it("has the original's defaults, on loopback", () => {
    const config = readMcpConfig({});
    assert.equal(config.transport, 'http');
    assert.equal(config.kit.port, 3000);
    assert.equal(config.kit.host, '127.0.0.1');
    assert.equal(config.smiley.origin, 'http://smiley:80');
    assert.equal(config.color.origin, 'http://color:80');
    assert.equal(config.face.origin, 'http://face:80');
    assert.equal(config.gui.origin, 'http://faces-gui:80');
    assert.deepEqual(config.allowedHosts, LOOPBACK_HOSTS);
    assert.equal(config.token, undefined);
    assert.equal(config.kit.controlToken, undefined);
  });

  it('takes the original TRANSPORT values and ours', () => {
    for (const transport of ['stdio', 'sse', 'http'] as const) {
      assert.equal(readMcpConfig({ TRANSPORT: transport }).transport, transport);
    }
  });

  it('takes COLOR_URL as host:port or grpc://host:port', () => {
    assert.equal(readMcpConfig({ COLOR_URL: 'grpc://color.faces:8000' }).color.origin, 'http://color.faces:8000');
    assert.equal(readMcpConfig({ COLOR_URL: 'color.faces:81' }).color.port, 81);
  });

  it('reads MCP_ALLOWED_HOSTS as a list of host names, or * for any', () => {
    assert.deepEqual(readMcpConfig({ MCP_ALLOWED_HOSTS: 'faces-mcp, Faces-MCP.faces.svc' }).allowedHosts, [
      'faces-mcp',
      'faces-mcp.faces.svc',
    ]);
    assert.equal(readMcpConfig({ MCP_ALLOWED_HOSTS: '*' }).allowedHosts, undefined);
  });

  const refused: [Record<string, string>, string][] = [
    [{ TRANSPORT: 'websocket' }, 'TRANSPORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SMILEY_URL: 'ftp://smiley' }, 'SMILEY_URL'],
    [{ COLOR_URL: 'grpc://' }, 'COLOR_URL'],
    [{ FACE_URL: 'http://face:0' }, 'FACE_URL'],
    [{ GUI_URL: 'http://' }, 'GUI_URL'],
    [{ MCP_TOKEN: 'short' }, 'MCP_TOKEN'],
    [{ MCP_ALLOWED_HOSTS: 'localhost:3000' }, 'MCP_ALLOWED_HOSTS'],
    [{ MCP_MAX_SESSIONS: '0' }, 'MCP_MAX_SESSIONS'],
    [{ MCP_SESSION_IDLE_SECONDS: '1.5' }, 'MCP_SESSION_IDLE_SECONDS'],
    [{ MCP_BACKEND_TIMEOUT_MS: '99' }, 'MCP_BACKEND_TIMEOUT_MS'],
  ];
  for (const [env, variable] of refused) {
    it(`refuses ${JSON.stringify(env)} in one line naming ${variable}`, () => {
      assert.throws(
        () => readMcpConfig(env),
        (error: unknown) =>
          error instanceof ConfigError && error.variable === variable && !error.message.includes('\n'),
      );
    });
  }

  it('never repeats a bad MCP_TOKEN', () => {
    assert.throws(
      () => readMcpConfig({ MCP_TOKEN: 'hunter2 hunter2' }),
      (error: Error) => !error.message.includes('hunter2'),
    );
  });
});
