import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isServiceLinkVariable } from './service-links.js';

const cases: ReadonlyArray<{ name: string; link: boolean }> = [
  { name: 'COLOR_PORT', link: true },
  { name: 'COLOR_SERVICE_HOST', link: true },
  { name: 'COLOR_SERVICE_PORT', link: true },
  { name: 'COLOR_SERVICE_PORT_HTTP', link: true },
  { name: 'COLOR_PORT_80_TCP', link: true },
  { name: 'COLOR_PORT_80_TCP_PROTO', link: true },
  { name: 'COLOR_PORT_80_TCP_PORT', link: true },
  { name: 'COLOR_PORT_80_TCP_ADDR', link: true },
  { name: 'COLOR_PRIMARY_PORT_80_TCP_ADDR', link: true },
  { name: 'COLOR_CANARY_SERVICE_PORT_GRPC_WEB', link: true },
  { name: 'COLOR_PORT_53_UDP', link: true },
  // Near misses: user names, lower case, or not the kubelet's shapes.
  { name: 'COLOR_testuser', link: false },
  { name: 'COLOR_port', link: false },
  { name: 'COLOR_Port', link: false },
  { name: 'COLOR_PORTS', link: false },
  { name: 'COLOR_PORT_80', link: false },
  { name: 'COLOR_PORT_80_HTTP', link: false },
  { name: 'COLOR_SERVICE', link: false },
  { name: 'COLOR_SERVICE_HOSTS', link: false },
  { name: 'COLOR_ALICE', link: false },
  { name: 'COLOR_PASSPORT', link: false },
];

for (const { name, link } of cases) {
  test(`${name} ${link ? 'is' : 'is not'} a service-link variable`, () => {
    assert.equal(isServiceLinkVariable(name), link);
  });
}
