import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colorGivenToNpm, type ProcessTable, undoNpmColor } from './npm-color.js';

/** A process tree: pid → [parent, start-time environment]. */
function table(tree: Record<number, [number | undefined, Record<string, string>]>): ProcessTable {
  return { environ: (pid) => tree[pid]?.[1], parent: (pid) => tree[pid]?.[0] };
}

// npx faces color: the shell (pid 10) ran npm (20), which ran sh -c (30), which ran faces.
const npx = (personsColor: Record<string, string>) =>
  table({
    30: [20, { npm_command: 'exec', COLOR: '0' }],
    20: [10, { PATH: '/bin', ...personsColor }],
    10: [1, { PATH: '/bin', ...personsColor }],
  });

describe('undoNpmColor', () => {
  it("puts back the COLOR the person gave npm, read from npm's own start-time environment", () => {
    const env: NodeJS.ProcessEnv = { npm_command: 'exec', COLOR: '0' };
    undoNpmColor(env, 30, npx({ COLOR: 'blue' }));
    assert.equal(env.COLOR, 'blue');
  });

  it("drops npm's COLOR when the person gave none", () => {
    const env: NodeJS.ProcessEnv = { npm_lifecycle_event: 'start', COLOR: '1' };
    undoNpmColor(env, 30, npx({}));
    assert.equal(Object.hasOwn(env, 'COLOR'), false);
  });

  it("drops npm's COLOR when the process table cannot be read (not Linux)", () => {
    const env: NodeJS.ProcessEnv = { npm_command: 'run', COLOR: '0' };
    undoNpmColor(env, 30, table({}));
    assert.equal(Object.hasOwn(env, 'COLOR'), false);
  });

  it('leaves COLOR alone outside npm, and a COLOR npm did not set (not 0 or 1)', () => {
    const outside: NodeJS.ProcessEnv = { COLOR: '0' };
    undoNpmColor(outside, 30, npx({ COLOR: 'blue' }));
    assert.equal(outside.COLOR, '0');
    const notNpms: NodeJS.ProcessEnv = { npm_command: 'exec', COLOR: 'red' };
    undoNpmColor(notNpms, 30, npx({ COLOR: 'blue' }));
    assert.equal(notNpms.COLOR, 'red');
  });

  it('climbs past nested npm processes (npm start running npm run) and stops at a loop', () => {
    const nested = table({
      40: [30, { npm_lifecycle_event: 'build', COLOR: '0' }],
      30: [20, { npm_lifecycle_event: 'start', COLOR: '0' }],
      20: [10, { COLOR: '#123456' }],
    });
    assert.equal(colorGivenToNpm(40, nested), '#123456');
    const loop = table({ 5: [5, { npm_command: 'exec' }] });
    assert.equal(colorGivenToNpm(5, loop), undefined);
  });
});
