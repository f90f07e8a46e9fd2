// The chart's env agrees with the kit, the services and k8s/01-base: every name is one the
// service reads, every value one it accepts, and with the defaults each service ends up with the
// same configuration as from the base, except where faces-chart's defaults differ on purpose.
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { readKitConfig, readServiceName, type ServiceName } from '@faces/kit';
import { EVERYTHING, renderChart } from '../helpers/helm.js';
import { container0, envOf, find, readYamlFile, renderBase } from '../helpers/manifests.js';
import { serviceEnv } from '../helpers/service-env.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const chart = renderChart(EVERYTHING);
const chartDefaults = renderChart();
const base = renderBase();
const loadtesterBase = readYamlFile('k8s/loadtester/faces-loadtester.yaml');

const envMap = (deployment: Json): Record<string, string> =>
  Object.fromEntries((envOf(deployment) ?? []).map((v) => [v.name, v.value ?? '']));
const serviceOf = (deployment: Json): ServiceName => {
  const args = at(container0(deployment), 'args') as string[] | undefined;
  return (args?.[0] as ServiceName | undefined) ?? readServiceName(envMap(deployment));
};

const EXPECTED_SERVICE: Record<string, ServiceName> = {
  face: 'face',
  smiley: 'smiley',
  smiley2: 'smiley',
  smiley3: 'smiley',
  color: 'color',
  color2: 'color',
  color3: 'color',
  'faces-gui': 'gui',
  'faces-loadtester': 'loadtester',
  'faces-mcp': 'mcp',
};

for (const deployment of chart.filter((o) => at(o, 'kind') === 'Deployment')) {
  const name = String(at(deployment, 'metadata', 'name'));
  describe(`the chart's ${name}`, async () => {
    const service = serviceOf(deployment);
    const known = await serviceEnv(service);
    test(`runs ${EXPECTED_SERVICE[name]}`, () => assert.equal(service, EXPECTED_SERVICE[name]));
    test(`sets only variables ${service} reads`, () => {
      const unknown = Object.keys(envMap(deployment)).filter(
        (v) => !known.names.has(v) && !known.patterns.some((re) => re.test(v)),
      );
      assert.deepEqual(unknown, []);
    });
    test(`sets values ${service} accepts`, () => {
      known.read(envMap(deployment));
    });
  });
}

/** Where the chart's defaults are faces-chart's rather than the base's. */
const ON_PURPOSE: Record<string, Record<string, string>> = {
  // faces-chart's cells are light blue (the palette's blue); the base leaves color at green.
  color: { COLOR: 'blue' },
};

for (const name of ['face', 'smiley', 'color', 'faces-gui']) {
  test(`with the defaults, ${name} is configured as from k8s/01-base${ON_PURPOSE[name] ? ' except COLOR=blue' : ''}`, async () => {
    const chartEnv = envMap(find(chartDefaults, 'Deployment', name));
    const baseEnv = { ...envMap(find(base, 'Deployment', name)), ...ON_PURPOSE[name] };
    // Every variable the base sets, the chart sets to the same value (the workshop patches env[1]).
    for (const [variable, value] of Object.entries(baseEnv)) assert.equal(chartEnv[variable], value, variable);
    const known = await serviceEnv(serviceOf(find(chartDefaults, 'Deployment', name)));
    assert.ok(known.read !== undefined, 'the reader is importable');
    // The rest only spells out the services' defaults: the parsed configuration is the same.
    assert.deepEqual(known.read(chartEnv), known.read(baseEnv));
  });
}

test('the load tester is configured as k8s/loadtester configures it', () => {
  assert.deepEqual(
    envMap(find(chart, 'Deployment', 'faces-loadtester')),
    envMap(find(loadtesterBase, 'Deployment', 'faces-loadtester')),
  );
});

test("terminationGracePeriodSeconds outlasts the kit's SHUTDOWN_TIMEOUT_SECONDS, which outlasts DRAIN_SECONDS", () => {
  const kit = readKitConfig({}, 'smiley');
  assert.equal(kit.drainSeconds, 5);
  assert.equal(kit.shutdownTimeoutSeconds, 25);
  for (const d of [...chart, ...base].filter((o) => at(o, 'kind') === 'Deployment')) {
    const grace = Number(at(d, 'spec', 'template', 'spec', 'terminationGracePeriodSeconds'));
    assert.ok(grace > kit.shutdownTimeoutSeconds, `${at(d, 'metadata', 'name')}: ${grace}`);
  }
  assert.equal(
    at(find(chartDefaults, 'Deployment', 'face'), 'spec', 'template', 'spec', 'terminationGracePeriodSeconds'),
    at(find(base, 'Deployment', 'face'), 'spec', 'template', 'spec', 'terminationGracePeriodSeconds'),
  );
});

test("the chart's requests and limits are the base's (one place in values.yaml until they are re-measured)", () => {
  for (const name of ['face', 'smiley', 'color', 'faces-gui']) {
    assert.deepEqual(
      at(container0(find(chartDefaults, 'Deployment', name)), 'resources'),
      at(container0(find(base, 'Deployment', name)), 'resources'),
      name,
    );
  }
  assert.deepEqual(
    at(container0(find(chart, 'Deployment', 'faces-loadtester')), 'resources'),
    at(container0(find(loadtesterBase, 'Deployment', 'faces-loadtester')), 'resources'),
  );
});
