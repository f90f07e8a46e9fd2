// The chart's value rules agree with the services: scripts/chart-schema.mjs generates
// values.schema.json (types, enums, ranges: what Helm checks) and checks.json (the patterns and
// key trees templates/_validate.tpl checks) from their rules, and a table of values shows that
// what the services refuse the chart refuses too, and what they accept it accepts. Patterns are
// RE2 (Go's engine); the in-process checks read them with JS's, so a few helm runs confirm Helm agrees.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { readColorConfig } from '@faces/color';
import { readGuiConfig } from '@faces/gui';
import {
  type Env,
  isServiceLinkVariable,
  PALETTE,
  readDelayBuckets,
  readPercent,
  readServiceAddress,
} from '@faces/kit';
import { SMILEYS } from '@faces/smiley';
import cssNamedColors from 'color-name';
import { helmTemplate } from '../helpers/helm.js';
import { readRepoFile, repoPath } from '../helpers/repo.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const schema = JSON.parse(readRepoFile('charts/faces/values.schema.json')) as Json;
const checks = JSON.parse(readRepoFile('charts/faces/checks.json')) as Json;
/** The pattern checks.json gives the value at this path of the values. */
const patternAt = (...path: string[]): string =>
  String(at(checks, ...path.flatMap((p) => ['properties', p]), 'x-faces-check', 'pattern'));
/** The generator's patterns may accept "" (unset); the tables compare the rest with the service. */
const setOnly = (pattern: string): string => pattern.replace(/^\^\$\|/, '');
const BACKEND_COLOR = setOnly(patternAt('color', 'color'));
const PAGE_COLOR = String(
  at(checks, 'properties', 'gui', 'properties', 'colorForUser', 'additionalProperties', 'x-faces-check', 'pattern'),
);
const PERCENT = patternAt('face', 'errorFraction');
const DELAY_BUCKETS = setOnly(patternAt('backend', 'delayBuckets'));
const SERVICE_ADDRESS = patternAt('face', 'smileyService');
const USER_NAME_LINK = String(at(checks, 'properties', 'gui', 'properties', 'colorForUser', 'x-faces-keys', 'refused'));
const colorNames = (): string[] => [...new Set([...Object.keys(PALETTE), ...Object.keys(cssNamedColors)])].sort();

/** An RE2 pattern as a JS RegExp: `(?i:…)` groups become a case-insensitive whole (all our patterns allow it). */
function re2(pattern: string): RegExp {
  return pattern.includes('(?i:') ? new RegExp(pattern.replaceAll('(?i:', '(?:'), 'i') : new RegExp(pattern);
}
const accepts = (read: (env: Env) => unknown, env: Env): boolean => {
  try {
    read(env);
    return true;
  } catch {
    return false;
  }
};

test("values.schema.json and checks.json are what scripts/chart-schema.mjs writes from the services' rules", () => {
  const result = spawnSync(process.execPath, [repoPath('scripts/chart-schema.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test("the smiley enum is the smiley service's table, exactly", () => {
  assert.deepEqual(at(schema, 'properties', 'smiley', 'properties', 'smiley', 'enum'), ['', ...Object.keys(SMILEYS)]);
});

test('every color name the color service knows is in the pattern, and no other', () => {
  const inPattern = /\(\?i:([a-z|]+)\)/.exec(BACKEND_COLOR)?.[1]?.split('|') ?? [];
  assert.deepEqual(inPattern, colorNames());
  for (const name of colorNames()) assert.ok(accepts(readColorConfig, { COLOR: name }), name);
});

const TABLES: { name: string; pattern: string; service: (value: string) => boolean; values: string[] }[] = [
  {
    // Not "": the service reads an empty COLOR as unset (green); the chart wants a color named.
    name: 'color.color (COLOR of color)',
    pattern: BACKEND_COLOR,
    service: (v) => accepts(readColorConfig, { COLOR: v }),
    values: [
      'blue',
      'Blue',
      'LIGHTCYAN',
      'rebeccapurple',
      '#abc',
      '#AABBCC',
      '#abcd',
      '#AABBCCDD',
      'bleu',
      'rgb(1,2,3)',
      'blue;',
      '#ggg',
    ],
  },
  {
    name: 'gui.color (PAGE_COLOR of the GUI)',
    pattern: PAGE_COLOR,
    service: (v) => accepts(readGuiConfig, { PAGE_COLOR: v }),
    values: [
      'white',
      'Darkblue',
      'lightcyan',
      '#abcd',
      '#AABBCCDD',
      'rgb(1, 2, 3)',
      'hsl(120deg 50% 50%)',
      'RGBA(0,0,0,0.5)',
      'red;x:y',
      'url(x)',
      'rgb(1,2,3);',
      '</style>',
      'bleu',
    ],
  },
  {
    name: 'errorFraction as a string (ERROR_FRACTION)',
    pattern: PERCENT,
    service: (v) => accepts((env) => readPercent(env, 'ERROR_FRACTION'), { ERROR_FRACTION: v }),
    values: ['0', '20', '100', '0100', ' 20 ', '101', '-1', '20.5', '2e1', 'abc'],
  },
  {
    name: 'delayBuckets (DELAY_BUCKETS)',
    pattern: DELAY_BUCKETS,
    service: (v) => accepts((env) => readDelayBuckets(env, 'DELAY_BUCKETS'), { DELAY_BUCKETS: v }),
    values: [
      '0',
      '0,5,10,15,20,50,200,500,1500',
      ' 0 , 5 ',
      '60000',
      '0060000',
      '60001',
      '99999',
      '0,,5',
      '0,5,',
      '-1',
      '1.5',
      'fast',
    ],
  },
  {
    name: 'face.smileyService (SMILEY_SERVICE)',
    pattern: SERVICE_ADDRESS,
    service: (v) => accepts((env) => readServiceAddress(env, 'SMILEY_SERVICE', 'smiley'), { SMILEY_SERVICE: v }),
    values: [
      'smiley',
      'smiley:8000',
      'http://smiley:8000',
      'http://smiley:8000/',
      'smiley.faces.svc.cluster.local',
      'smiley:0',
      'smiley:65535',
      'smiley:65536',
      '-smiley',
      'smiley/x',
      'https://smiley',
    ],
  },
  {
    name: 'gui.colorForUser keys (COLOR_<user> the GUI does not ignore)',
    pattern: USER_NAME_LINK,
    // The pattern matches the names to refuse: those the GUI would take for service links.
    service: (v) => isServiceLinkVariable(`COLOR_${v}`),
    values: ['testuser', 'port', 'PORT', 'X_PORT', 'SERVICE_HOST', 'PRIMARY_PORT_80_TCP_ADDR', 'PORTAL', 'HOST'],
  },
];

for (const { name, pattern, service, values } of TABLES) {
  describe(name, () => {
    for (const value of values) {
      const verdict = service(value);
      test(`${JSON.stringify(value)}: the schema ${verdict ? 'matches' : 'refuses'} it, as the service does`, () => {
        assert.equal(re2(pattern).test(value), verdict);
      });
    }
  });
}

// The number ranges in the schema are the readers' (min accepted, min-1 refused, max and max+1).
const RANGES: { path: string[]; variable: string; read: (env: Env) => unknown }[] = [
  { path: ['gui', 'numberRows'], variable: 'NUM_ROWS', read: readGuiConfig },
  { path: ['gui', 'numberColumns'], variable: 'NUM_COLS', read: readGuiConfig },
  { path: ['gui', 'edgeSize'], variable: 'EDGE_SIZE', read: readGuiConfig },
];
for (const { path, variable, read } of RANGES) {
  test(`${path.join('.')} spans the values ${variable} takes`, () => {
    const node = at(schema, ...path.flatMap((p) => ['properties', p]));
    const min = Number(at(node, 'minimum'));
    const max = Number(at(node, 'maximum'));
    assert.ok(accepts(read, { [variable]: String(min) }) && accepts(read, { [variable]: String(max) }));
    assert.ok(!accepts(read, { [variable]: String(max + 1) }));
    if (min > 0) assert.ok(!accepts(read, { [variable]: String(min - 1) }));
  });
}
test("the integer range of errorFraction and delay buckets is the readers' (100, 60000)", () => {
  const fraction = at(schema, 'properties', 'face', 'properties', 'errorFraction', 'maximum');
  const bucket = at(schema, 'properties', 'backend', 'properties', 'delayBuckets', 'maximum');
  assert.equal(fraction, 100);
  assert.equal(bucket, 60000);
  assert.ok(accepts((env) => readDelayBuckets(env, 'D'), { D: '60000' }));
  assert.ok(!accepts((env) => readDelayBuckets(env, 'D'), { D: '60001' }));
});

// Helm's own engine on the same patterns: one run takes every color name as a GUI user color.
test('Helm accepts every color name, in any case, for the backends and the GUI', () => {
  const args = colorNames().flatMap((name, i) => [
    '--set',
    `gui.colorForUser.u${i}=${i % 2 ? name.toUpperCase() : name}`,
  ]);
  const result = helmTemplate([
    ...args,
    '--set',
    'color.color=LightCyan',
    '--set',
    'color2.color=#abc',
    '--set',
    'gui.color=hsl(120\\,50%\\,50%)',
  ]);
  assert.equal(result.status, 0, result.stderr);
});

const HELM_REFUSES: { args: string[]; key: string }[] = [
  { args: ['--set', 'color.color=#abcd'], key: 'color.color: "#abcd" is not accepted' },
  { args: ['--set', 'gui.color=url(x)'], key: 'gui.color: "url(x)" is not accepted' },
  { args: ['--set', 'gui.colorForUser.PORT=red'], key: 'gui.colorForUser: "PORT" is not accepted as a key' },
  { args: ['--set', 'face.colorService=color:0'], key: 'face.colorService: "color:0" is not accepted' },
];
for (const { args, key } of HELM_REFUSES) {
  test(`Helm refuses ${args[1]}, as the service would`, () => {
    const result = helmTemplate(args);
    assert.notEqual(result.status, 0);
    assert.ok(result.stderr.includes(key), result.stderr);
  });
}
