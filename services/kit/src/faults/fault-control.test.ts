import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type FaultConfig, readKitConfig } from '../config/kit-config.js';
import { FaultControl, MAX_USER_SETTINGS, TooManyUsersError } from './fault-control.js';
import { createRng } from './random.js';

const QUIET: FaultConfig = readKitConfig({}, 'smiley').faults;
const failing = (errorFraction: number): FaultConfig => ({ ...QUIET, errorFraction });

function faultsOf(control: FaultControl, users: readonly string[], count: number): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (let i = 0; i < count; i++) {
    const user = users[i % users.length] ?? 'unknown';
    out.push(control.injectorFor(user)?.decide(1000 + i).fault);
  }
  return out;
}

describe('FaultControl', () => {
  it('with nothing configured, no request gets an injector (and nothing is drawn)', () => {
    const control = new FaultControl(QUIET, createRng(1), 'Test');
    assert.equal(control.injectorFor('unknown'), undefined);
  });

  it("a user's settings apply to that user alone; the others keep the base", () => {
    const control = new FaultControl(QUIET, createRng(1), 'Test');
    control.replace(failing(100), 'testuser');
    assert.equal(control.injectorFor('testuser')?.decide(0).fault, 'error');
    assert.equal(control.injectorFor('unknown'), undefined);
    assert.equal(control.injectorFor('testuserx'), undefined, 'a near-miss of the user is another user');
  });

  it("a user's latch does not latch everyone else", () => {
    const control = new FaultControl(failing(1), createRng(1), 'Test');
    control.replace({ ...failing(100), latchFraction: 100 }, 'testuser');
    assert.equal(control.injectorFor('testuser')?.decide(0).fault, 'latched');
    const others = faultsOf(control, ['alice'], 200);
    assert.ok(!others.includes('latched'), 'alice was latched by testuser');
  });

  it('reset of one user brings them back to the base; reset of all restores the environment', () => {
    const control = new FaultControl(QUIET, createRng(1), 'Test');
    control.replace(failing(100));
    control.replace(failing(50), 'testuser');
    assert.deepEqual(Object.keys(control.view().users), ['testuser']);
    control.reset('testuser');
    assert.deepEqual(Object.keys(control.view().users), []);
    assert.equal(control.injectorFor('testuser')?.config.errorFraction, 100);
    control.reset();
    assert.deepEqual(control.view().base, control.view().environment);
    assert.equal(control.injectorFor('testuser'), undefined);
  });

  it('the same changes and requests with the same seed give the same outcomes', () => {
    const run = () => {
      const control = new FaultControl(failing(20), createRng(99), 'Test');
      const before = faultsOf(control, ['a', 'b'], 50);
      control.replace(failing(70), 'b');
      return [...before, ...faultsOf(control, ['a', 'b', 'c'], 300)];
    };
    assert.deepEqual(run(), run());
  });

  it(`keeps at most ${MAX_USER_SETTINGS} users, and still lets a kept user change`, () => {
    const control = new FaultControl(QUIET, createRng(1), 'Test');
    for (let i = 0; i < MAX_USER_SETTINGS; i++) control.replace(failing(1), `user${i}`);
    assert.throws(() => control.replace(failing(1), 'one-more'), TooManyUsersError);
    control.replace(failing(2), 'user0');
    assert.equal(Object.keys(control.view().users).length, MAX_USER_SETTINGS);
  });

  it('a user called __proto__ is a user like any other', () => {
    const control = new FaultControl(QUIET, createRng(1), 'Test');
    control.replace(failing(100), '__proto__');
    const users = JSON.parse(JSON.stringify(control.view())).users as Record<string, { errorFraction: number }>;
    const proto = '__proto__';
    assert.ok(Object.hasOwn(users, proto));
    assert.equal(Object.getOwnPropertyDescriptor(users, proto)?.value.errorFraction, 100);
  });
});
