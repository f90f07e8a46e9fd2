import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { get } from '../helpers/http.js';
import { readYamlFile } from '../helpers/manifests.js';
import { startFaces } from '../helpers/processes.js';
import { type ClusterService, namespaceServiceLinks, servicesOf } from '../helpers/service-links.js';

// Every Service of the base and the load tester, plus what Flagger creates for each canary target
// (<name>-primary and <name>-canary, the same ports) and for the GUI's A/B test.
const base = servicesOf([
  ...readYamlFile('k8s/01-base/faces.yaml'),
  ...readYamlFile('k8s/01-base/faces-gui.yaml'),
  ...readYamlFile('k8s/loadtester/faces-loadtester.yaml'),
]);
const flagger: ClusterService[] = base
  .filter((service) => ['face', 'smiley', 'color', 'faces-gui'].includes(service.name))
  .flatMap((service) => [
    { ...service, name: `${service.name}-primary` },
    { ...service, name: `${service.name}-canary` },
  ]);
const links = namespaceServiceLinks([...base, ...flagger]);

describe("every service starts in a namespace full of the kubelet's service-link variables", () => {
  it('the injected set has the shapes that broke the GUI', () => {
    assert.equal(links.COLOR_PORT?.startsWith('tcp://10.96.'), true);
    for (const name of [
      'COLOR_SERVICE_HOST',
      'COLOR_PORT_80_TCP_PROTO',
      'COLOR_PRIMARY_PORT',
      'COLOR_CANARY_SERVICE_PORT',
    ]) {
      assert.ok(name in links, `${name} is injected`);
    }
    assert.ok(Object.keys(links).length > 80, `${Object.keys(links).length} variables`);
  });

  for (const command of ['smiley', 'color', 'face', 'gui', 'loadtester']) {
    it(`faces ${command} starts and is ready`, async (t) => {
      const service = await startFaces([command], { ...links, COLOR_testuser: 'lightcyan' });
      t.after(() => service.stop());
      assert.equal((await get(`${service.url}/readyz`)).status, 200);
    });
  }

  it('the GUI still gives COLOR_testuser its color, and nobody else a service-link "color"', async (t) => {
    const gui = await startFaces(['gui'], { ...links, COLOR_testuser: 'lightcyan' });
    t.after(() => gui.stop());
    const testuser = await get(`${gui.url}/`, { headers: { 'x-faces-user': 'testuser' } });
    assert.match(testuser.body, /"color":"lightcyan"/);
    const colorOf = (html: string) => /"color":"([^"]*)"/.exec(html)?.[1];
    const fallback = colorOf((await get(`${gui.url}/`)).body);
    assert.notEqual(fallback, undefined);
    assert.notEqual(fallback, 'lightcyan');
    for (const user of ['PORT', 'SERVICE_HOST', 'PRIMARY_PORT', 'CANARY_PORT_80_TCP']) {
      const page = await get(`${gui.url}/`, { headers: { 'x-faces-user': user } });
      assert.equal(colorOf(page.body), fallback, `${user} gets the default background`);
    }
  });
});
