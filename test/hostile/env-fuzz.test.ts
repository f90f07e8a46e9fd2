import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colorService } from '@faces/color';
import { faceService } from '@faces/face';
import { guiService } from '@faces/gui';
import { ConfigError, readServiceName, type ServiceDefinition } from '@faces/kit';
import { loadtesterService } from '@faces/load';
import { mcpService } from '@faces/mcp';
import { smileyService } from '@faces/smiley';
import { documentedVariables } from '../helpers/documented-env.js';

// Each definition reads its own config type; the fuzz only needs read → build → inject.
type AnyService = ServiceDefinition<never>;
const SERVICES: Readonly<Record<string, AnyService>> = {
  smiley: smileyService as unknown as AnyService,
  color: colorService as unknown as AnyService,
  face: faceService as unknown as AnyService,
  gui: guiService as unknown as AnyService,
  loadtester: loadtesterService as unknown as AnyService,
  mcp: mcpService as unknown as AnyService,
};

/** Values a typo, a template gone wrong, a kubelet or an attacker could put in any variable. */
const HOSTILE_VALUES: readonly string[] = [
  ' ',
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  '99999999999999999999',
  'NaN',
  'Infinity',
  'yes',
  'tcp://10.96.0.17:80',
  '10.96.0.17',
  '[::1]:99999',
  'http://face:80',
  ',',
  '5,,5',
  'null',
  '\u0001\u007f',
  'line\nbreak',
  'ünïcødé 日本',
  '<script>alert(1)</script>',
  '"); background: url(x); ("',
  '\u0024{HOME}',
  '%s%n%x',
  'a'.repeat(100_000),
];

const relaxed = {
  DRAIN_SECONDS: '0',
  SHUTDOWN_TIMEOUT_SECONDS: '1',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
};

/** A refusal must be a ConfigError naming the variable (or the one it is checked against), on one short line. */
function assertGoodRefusal(error: unknown, variable: string, value: string): void {
  assert.ok(error instanceof ConfigError, `${variable}=${JSON.stringify(value.slice(0, 40))} threw ${String(error)}`);
  assert.ok(error.message.includes(variable), `the message names ${variable}: ${error.message}`);
  assert.ok(!error.message.includes('\n'), `one line: ${error.message}`);
  assert.ok(error.message.length < 400, `short: ${error.message.length} characters`);
}

async function assertStartsAndAnswers(service: AnyService, env: Record<string, string>, label: string): Promise<void> {
  const config = service.readConfig(env);
  const app = await service.buildApp(config);
  try {
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200, `${label}: /healthz answered ${health.statusCode} ${health.body}`);
  } finally {
    await app.close();
  }
}

const variables = documentedVariables();

describe('env fuzz: every variable of docs/configuration.md, every hostile value', () => {
  it('finds the variables in docs/configuration.md', () => {
    assert.ok(variables.length >= 25, `only ${variables.length} variables found`);
  });

  for (const { name, who } of variables) {
    if (who === 'faces') continue;
    const variable = name === 'COLOR_<user>' ? 'COLOR_fuzzuser' : name;
    const readers = who === 'all' ? Object.keys(SERVICES) : [who];
    for (const reader of readers) {
      const service = SERVICES[reader];
      if (service === undefined) throw new Error(`docs/configuration.md names an unknown reader ${reader} for ${name}`);
      it(`${reader} with a hostile ${variable} starts and answers, or exits with one line naming it`, async () => {
        for (const value of HOSTILE_VALUES) {
          // Fuzzing the timeouts themselves must not trip over the relaxed ones set for speed.
          const env = { ...relaxed, SHUTDOWN_TIMEOUT_SECONDS: variable === 'DRAIN_SECONDS' ? '600' : '1' };
          const label = `${reader} ${variable}=${JSON.stringify(value.slice(0, 40))}`;
          try {
            await assertStartsAndAnswers(service, { ...env, [variable]: value }, label);
          } catch (error) {
            if (error instanceof assert.AssertionError) throw error;
            assertGoodRefusal(error, variable, value);
          }
        }
      });
    }
  }

  it('FACES_SERVICE with a hostile value is refused by name', () => {
    for (const value of HOSTILE_VALUES) {
      try {
        readServiceName({ FACES_SERVICE: value });
        assert.fail(`FACES_SERVICE=${JSON.stringify(value.slice(0, 40))} was taken`);
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        assertGoodRefusal(error, 'FACES_SERVICE', value);
      }
    }
  });
});
