// docker-compose.yaml: valid against the Compose spec, four services from one image with
// healthchecks and start-up ordering, and the GUI on a host port.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readKitConfig } from '@faces/kit';
import { composeValidator, interpolateDefaults } from '../helpers/compose-schema.js';
import { readRepoFile } from '../helpers/repo.js';
import { at, type Json, type Loose, parseYamlDocs } from '../helpers/yaml-docs.js';

const validate = composeValidator();
const text = readRepoFile('docker-compose.yaml');
const [compose] = parseYamlDocs(interpolateDefaults(text), 'docker-compose.yaml');
const services = at(compose, 'services') as Record<string, Json>;

function problems(document: Json | undefined): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

test('docker-compose.yaml is valid against the Compose spec schema', () => {
  assert.deepEqual(problems(compose), []);
});

test('it runs the four services', () => {
  assert.deepEqual(Object.keys(services).sort(), ['color', 'face', 'faces-gui', 'smiley']);
});

for (const name of ['smiley', 'color', 'face', 'faces-gui']) {
  test(`${name} checks its health with \`faces healthcheck\` and builds from the root Dockerfile`, () => {
    assert.deepEqual(at(services[name], 'healthcheck', 'test'), ['CMD', 'faces', 'healthcheck']);
    assert.deepEqual(at(services[name], 'build'), { context: '.', dockerfile: 'Dockerfile' });
    assert.equal(at(services[name], 'read_only'), true);
  });
}

const ORDER: Record<string, string[]> = { smiley: [], color: [], face: ['color', 'smiley'], 'faces-gui': ['face'] };
for (const [name, deps] of Object.entries(ORDER)) {
  test(`${name} starts once ${deps.length === 0 ? 'nothing (it calls no one)' : `${deps.join(' and ')} are healthy`}`, () => {
    const dependsOn = (at(services[name], 'depends_on') ?? {}) as Record<string, Json>;
    assert.deepEqual(Object.keys(dependsOn).sort(), deps);
    for (const dep of deps) assert.equal(at(dependsOn[dep], 'condition'), 'service_healthy');
  });
}

test('only the GUI is published on the host, on port 8080 unless FACES_GUI_PORT says otherwise', () => {
  const published = Object.entries(services).filter(([, s]) => at(s, 'ports') !== undefined);
  assert.deepEqual(
    published.map(([name]) => name),
    ['faces-gui'],
  );
  assert.deepEqual(at(services['faces-gui'], 'ports'), ['8080:8000']);
  assert.match(text, /"\$\{FACES_GUI_PORT:-8080\}:8000"/);
});

test("the stop grace period outlasts the kit's whole shutdown (drain, then in-flight requests), as in Kubernetes", () => {
  const { shutdownTimeoutSeconds } = readKitConfig({}, 'smiley');
  for (const service of Object.values(services)) {
    const match = /^(\d+)s$/.exec(String(at(service, 'stop_grace_period')));
    assert.ok(match, 'stop_grace_period in whole seconds');
    assert.ok(Number(match[1]) > shutdownTimeoutSeconds);
  }
});

// Near-misses: each is one edit away from the real file and must be refused by the schema.
const BROKEN: { name: string; edit: (c: Loose) => void }[] = [
  {
    name: 'a misspelt depends_on condition',
    edit: (c) => {
      c.services.face.depends_on = { smiley: { condition: 'service_helthy' } };
    },
  },
  {
    name: 'an unknown service key (healthcheck misspelt)',
    edit: (c) => {
      c.services.smiley.helthcheck = c.services.smiley.healthcheck;
    },
  },
  {
    name: 'a healthcheck interval that is not a duration',
    edit: (c) => {
      c.services.smiley.healthcheck = { test: ['CMD', 'faces', 'healthcheck'], interval: '5 seconds' };
    },
  },
  {
    name: 'a malformed port mapping',
    edit: (c) => {
      c.services['faces-gui'].ports = ['8080:80:00'];
    },
  },
  {
    name: 'environment as a list of objects',
    edit: (c) => {
      c.services.smiley.environment = [{ FACES_SERVICE: 'smiley' }];
    },
  },
];

for (const { name, edit } of BROKEN) {
  test(`the Compose schema refuses ${name}`, () => {
    const copy = structuredClone(compose) as Loose;
    edit(copy);
    assert.notDeepEqual(problems(copy as Json), []);
  });
}
