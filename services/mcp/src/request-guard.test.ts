import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOOPBACK_HOSTS } from './config.js';
import { hostnameOf, rebindingRefusal } from './request-guard.js';

describe('hostnameOf', () => {
  const table: [string, string | undefined][] = [
    ['localhost:3000', 'localhost'],
    ['LOCALHOST', 'localhost'],
    ['127.0.0.1:3000', '127.0.0.1'],
    ['[::1]:3000', '[::1]'],
    ['[::1]', '[::1]'],
    ['::1', undefined],
    ['evil.example:3000:1', undefined],
    ['', undefined],
  ];
  for (const [host, name] of table) it(`${JSON.stringify(host)} → ${name}`, () => assert.equal(hostnameOf(host), name));
});

describe('rebindingRefusal', () => {
  it('allows loopback names with any port, with or without a loopback Origin', () => {
    assert.equal(rebindingRefusal('localhost:3000', undefined, LOOPBACK_HOSTS), undefined);
    assert.equal(rebindingRefusal('127.0.0.1:1', 'http://localhost:5173', LOOPBACK_HOSTS), undefined);
    assert.equal(rebindingRefusal('[::1]:3000', 'http://[::1]:3000', LOOPBACK_HOSTS), undefined);
  });

  it('refuses a rebound name in Host, naming it and MCP_ALLOWED_HOSTS', () => {
    assert.match(
      rebindingRefusal('evil.example:3000', undefined, LOOPBACK_HOSTS) ?? '',
      /Host "evil.example:3000" is not allowed.*MCP_ALLOWED_HOSTS/,
    );
    assert.match(rebindingRefusal(undefined, undefined, LOOPBACK_HOSTS) ?? '', /Host "" is not allowed/);
  });

  it('refuses a foreign or opaque Origin even with a loopback Host', () => {
    assert.match(
      rebindingRefusal('localhost:3000', 'http://evil.example', LOOPBACK_HOSTS) ?? '',
      /Origin "http:\/\/evil.example"/,
    );
    assert.match(rebindingRefusal('localhost:3000', 'null', LOOPBACK_HOSTS) ?? '', /Origin "null"/);
  });
});
