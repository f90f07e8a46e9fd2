import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readKitConfig } from '@faces/kit';
import { buildSmileyApp } from './app.js';
import { chooseSmiley, SMILEYS } from './smileys.js';

describe('chooseSmiley', () => {
  const table: [string | undefined, string, string | undefined][] = [
    [undefined, '&#x1F603;', undefined],
    ['Grinning', '&#x1F603;', undefined],
    ['Smiling', '&#x1F603;', undefined],
    ['Sleeping', '&#x1F634;', undefined],
    ['Cursing', '&#x1F92C;', undefined],
    ['Kaboom', '&#x1F92F;', undefined],
    ['HeartEyes', '&#x1F60D;', undefined],
    ['Neutral', '&#x1F610;', undefined],
    ['RollingEyes', '&#x1F644;', undefined],
    ['Screaming', '&#x1F631;', undefined],
    ['Vomiting', '&#x1F92E;', undefined],
    ['hearteyes', '&#x1F644;', 'hearteyes'],
    ['Bogus', '&#x1F644;', 'Bogus'],
    ['toString', '&#x1F644;', 'toString'],
  ];
  for (const [name, entity, unknown] of table) {
    it(`serves ${entity} for ${name ?? 'no SMILEY'}`, () => {
      const choice = chooseSmiley(name);
      assert.equal(choice.entity, entity);
      assert.equal(choice.unknown, unknown);
    });
  }
  it('has every entity in the &#xHEX; form', () => {
    for (const entity of Object.values(SMILEYS)) assert.match(entity, /^&#x[0-9A-F]+;$/);
  });
});

describe('buildSmileyApp', () => {
  it('warns once about an unknown SMILEY and serves RollingEyes', async (t) => {
    const lines: string[] = [];
    const app = buildSmileyApp(
      { kit: readKitConfig({}, 'smiley'), smiley: chooseSmiley('Smilling'), allowUpdates: true },
      {
        processMetrics: false,
        logStream: { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream,
      },
    );
    t.after(() => app.close());
    const response = await app.inject({ url: '/edge/' });
    assert.deepEqual(response.json(), { smiley: '&#x1F644;' });
    const warnings = lines.map((line) => JSON.parse(line)).filter((line) => line.level === 40);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].SMILEY, 'Smilling');
  });
});
