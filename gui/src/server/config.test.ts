import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '@faces/kit';
import { colorFor, DEFAULT_FACE_TIMEOUT_MS, readGuiConfig } from './config.js';

describe('readGuiConfig', () => {
  it('has the right defaults with no environment at all (the GUI Deployment has no env)', () => {
    const config = readGuiConfig({});
    assert.equal(config.face.origin, 'http://face:80');
    assert.equal(config.kit.port, 8000);
    assert.equal(config.faceTimeoutMs, DEFAULT_FACE_TIMEOUT_MS);
    assert.equal(config.color, '#FFFFFF');
    assert.deepEqual(config.page, {
      hideKey: false,
      showPods: false,
      numRows: 4,
      numCols: 4,
      edgeSize: 1,
      startActive: true,
      cellTimeoutMs: DEFAULT_FACE_TIMEOUT_MS + 1000,
      showRollouts: true,
    });
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.page));
  });

  it('reads the page settings', () => {
    const config = readGuiConfig({
      HIDE_KEY: 'true',
      SHOW_PODS: 'yes',
      NUM_ROWS: '3',
      NUM_COLS: '5',
      EDGE_SIZE: '0',
      START_ACTIVE: 'false',
      FACE_SERVICE: 'http://127.0.0.1:9000',
    });
    assert.equal(config.face.origin, 'http://127.0.0.1:9000');
    assert.deepEqual(
      [config.page.hideKey, config.page.showPods, config.page.numRows, config.page.numCols],
      [true, true, 3, 5],
    );
    assert.deepEqual([config.page.edgeSize, config.page.startActive], [0, false]);
  });

  it('reads SHOW_ROLLOUTS and EVENTS_TOKEN, and never repeats a bad token', () => {
    const config = readGuiConfig({ SHOW_ROLLOUTS: 'no', EVENTS_TOKEN: 'flagger-events-1' });
    assert.deepEqual([config.page.showRollouts, config.eventsToken], [false, 'flagger-events-1']);
    assert.equal(readGuiConfig({}).eventsToken, undefined);
    assert.throws(
      () => readGuiConfig({ EVENTS_TOKEN: 'short' }),
      /^ConfigError: EVENTS_TOKEN="\(hidden, 5 characters\)" is not valid: 8 to 512 visible ASCII characters/,
    );
    assert.throws(() => readGuiConfig({ SHOW_ROLLOUTS: 'maybe' }), /SHOW_ROLLOUTS="maybe" is not valid/);
  });

  const colors = [
    { value: 'lightcyan', color: 'lightcyan' },
    { value: 'blue', color: '#66CCEE' },
    { value: '#E0FFFF', color: '#E0FFFF' },
    { value: 'rgb(224, 255, 255)', color: 'rgb(224, 255, 255)' },
  ];
  for (const { value, color } of colors) {
    it(`takes COLOR=${value} as ${color}`, () => assert.equal(readGuiConfig({ COLOR: value }).color, color));
  }

  it('reads its own PAGE_COLOR and PAGE_COLOR_<user> before the original faces-gui COLOR and COLOR_<user>', () => {
    const config = readGuiConfig({
      PAGE_COLOR: 'lightcyan',
      COLOR: 'red',
      PAGE_COLOR_testuser: 'pink',
      COLOR_testuser: 'blue',
      COLOR_bob: 'yellow',
    });
    assert.equal(colorFor(config, 'unknown'), 'lightcyan');
    assert.equal(colorFor(config, 'testuser'), 'pink');
    assert.equal(colorFor(config, 'bob'), '#CCBB44');
  });

  it('refuses a bad PAGE_COLOR naming PAGE_COLOR', () => {
    assert.throws(
      () => readGuiConfig({ PAGE_COLOR: 'notacolor' }),
      (e: unknown) => e instanceof ConfigError && e.variable === 'PAGE_COLOR',
    );
  });

  it('gives COLOR_<user> to that user only, and COLOR to everyone else', () => {
    const config = readGuiConfig({ COLOR: 'lightcyan', COLOR_testuser: 'pink', COLOR_foo: 'blue' });
    assert.equal(colorFor(config, 'testuser'), 'pink');
    assert.equal(colorFor(config, 'foo'), '#66CCEE');
    assert.equal(colorFor(config, 'Testuser'), 'lightcyan');
    assert.equal(colorFor(config, 'unknown'), 'lightcyan');
  });

  const bad = [
    { variable: 'COLOR', value: 'red; background-image: url(x)' },
    { variable: 'COLOR', value: 'white</style><script>' },
    { variable: 'COLOR', value: 'notacolor' },
    { variable: 'COLOR_testuser', value: 'expression(alert(1))' },
    { variable: 'COLOR_x', value: '#12' },
    { variable: 'NUM_ROWS', value: '0' },
    { variable: 'NUM_COLS', value: '33' },
    { variable: 'EDGE_SIZE', value: '-1' },
    { variable: 'HIDE_KEY', value: 'maybe' },
    { variable: 'START_ACTIVE', value: 'sometimes' },
    { variable: 'FACE_SERVICE', value: 'https://face' },
    { variable: 'FACE_TIMEOUT_MS', value: '0' },
  ];
  for (const { variable, value } of bad) {
    it(`refuses ${variable}=${value} at start, naming the variable and the value`, () => {
      assert.throws(
        () => readGuiConfig({ [variable]: value }),
        (error: unknown) => error instanceof ConfigError && error.variable === variable && error.value === value,
      );
    });
  }

  it('ignores a bare COLOR_ with no user name', () => {
    assert.equal(readGuiConfig({ COLOR_: 'pink' }).userColors.size, 0);
  });

  it("ignores the kubelet's service-link variables for color Services, keeping the users' colors", () => {
    const config = readGuiConfig({
      COLOR_PORT: 'tcp://10.96.0.17:80',
      COLOR_SERVICE_HOST: '10.96.0.17',
      COLOR_SERVICE_PORT: '80',
      COLOR_SERVICE_PORT_HTTP: '80',
      COLOR_PORT_80_TCP_PROTO: 'tcp',
      COLOR_PRIMARY_PORT_80_TCP_ADDR: '10.96.0.18',
      COLOR_testuser: 'lightcyan',
    });
    assert.deepEqual([...config.userColors], [['testuser', 'lightcyan']]);
  });

  it('still refuses a lower-case COLOR_port that is not a color (only the kubelet shapes are skipped)', () => {
    assert.throws(() => readGuiConfig({ COLOR_port: 'tcp://10.96.0.17:80' }), ConfigError);
  });
});
