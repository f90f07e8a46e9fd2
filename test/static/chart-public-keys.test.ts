// Every key of the public faces-chart's values.yaml (the fixture of its facts) is either supported
// here, with its meaning and default, or refused with one line that names it and says what to use
// instead. Refused keys are accepted at faces-chart's default, so a copy of its values.yaml installs.
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { helmError, helmTemplate } from '../helpers/helm.js';
import { PUBLIC_CHART } from '../helpers/public-chart.js';
import { readRepoFile } from '../helpers/repo.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const ours = parse(readRepoFile('charts/faces/values.yaml')) as Json;
const ourDefault = (key: string): Json | undefined => at(ours, ...key.split('.'));

/** Keys we take but do not act on: a value away from faces-chart's default fails with this line. */
const REFUSED: Record<string, { value: Json; line: RegExp }> = {
  whisperAddress: { value: 'whisper:8000', line: /^whisperAddress: Whisper is not part of this Faces/ },
  whisperNode: { value: 2, line: /^whisperNode: Whisper is not part of this Faces/ },
  'ingress.enabled': {
    value: true,
    line: /^ingress\.enabled: faces-chart's ingress workload .* use gui\.ingress\.enabled/,
  },
  'ingress.image': {
    value: 'x/y:1',
    line: /^ingress\.image: configures faces-chart's ingress workload.*use gui\.ingress/,
  },
  'ingress.imageName': { value: 'x/y', line: /^ingress\.imageName: configures faces-chart's ingress workload/ },
  'ingress.imageTag': { value: '2.0', line: /^ingress\.imageTag: configures faces-chart's ingress workload/ },
  'ingress.imagePullPolicy': { value: 'Always', line: /^ingress\.imagePullPolicy: configures faces-chart's ingress/ },
  'ingress.cellService': { value: 'face', line: /^ingress\.cellService: configures faces-chart's ingress workload/ },
};

/** Supported keys whose default is spelled differently here, and why the meaning is the same. */
const OTHER_DEFAULT: Record<string, string> = {
  'gui.imageName': 'one image for every workload, ghcr.io/faces-demo/faces',
  'face.imageName': 'one image for every workload',
  'smiley.imageName': '"": backend.imageName, then our one image',
  'smiley2.imageName': '"": backend.imageName, then our one image',
  'smiley3.imageName': '"": backend.imageName, then our one image',
  'color.imageName': '"": backend.imageName, then our one image',
  'color2.imageName': '"": backend.imageName, then our one image',
  'color3.imageName': '"": backend.imageName, then our one image',
  'smiley.smiley': 'Grinning, which "" (also accepted) means in both',
  'color.color': 'blue, the light blue that "" (also accepted) means in faces-chart',
};

const setJson = (key: string, value: Json): string[] => ['--set-json', `${key}=${JSON.stringify(value)}`];

test('the fixture lists every key of faces-chart 2.1 (77 keys, Argo Rollouts included)', () => {
  assert.equal(PUBLIC_CHART.keys.length, 77);
  assert.ok(PUBLIC_CHART.keys.some((k) => k.key === 'rollouts.canary.trafficRouting.plugin.name'));
});

describe("every key of faces-chart's values.yaml", () => {
  for (const { key, default: publicDefault } of PUBLIC_CHART.keys) {
    const refused = REFUSED[key];
    if (refused !== undefined) {
      test(`${key}: refused away from its default ${JSON.stringify(publicDefault)}, in one line naming it`, () => {
        const atDefault = helmTemplate(setJson(key, publicDefault));
        assert.equal(atDefault.status, 0, atDefault.stderr);
        const error = helmError(helmTemplate(setJson(key, refused.value)).stderr);
        assert.match(error, refused.line);
        assert.equal(error.includes('\n'), false, error);
      });
      continue;
    }
    test(`${key}: supported, default ${JSON.stringify(publicDefault)}`, () => {
      const mine = ourDefault(key);
      assert.notEqual(mine, undefined, `${key} is not in values.yaml`);
      if (OTHER_DEFAULT[key] === undefined) assert.deepEqual(mine, publicDefault);
      else assert.notDeepEqual(mine, publicDefault, `${key} is listed in OTHER_DEFAULT but has faces-chart's default`);
      const result = helmTemplate(setJson(key, publicDefault));
      assert.equal(result.status, 0, result.stderr);
    });
  }
});

test('the tables name only keys of faces-chart', () => {
  const publicKeys = new Set(PUBLIC_CHART.keys.map((k) => k.key));
  for (const key of [...Object.keys(REFUSED), ...Object.keys(OTHER_DEFAULT)]) assert.ok(publicKeys.has(key), key);
});

test("a values file of every faces-chart key at its default installs (a copy of faces-chart's values.yaml)", () => {
  const args = PUBLIC_CHART.keys.flatMap(({ key, default: value }) => setJson(key, value));
  const result = helmTemplate(args);
  assert.equal(result.status, 0, result.stderr);
});
