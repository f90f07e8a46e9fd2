import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CellView,
  COLORS,
  cellKind,
  GLYPHS,
  IDLE,
  MAX_TIMEOUTS,
  nextDelayMs,
  nextView,
  type Observation,
  podLabel,
  staggerMs,
} from './cell-state.js';

function face(smiley: string, color: string, errors: string[] = []): Observation {
  return { kind: 'answer', status: 200, body: JSON.stringify({ smiley, color, errors }) };
}

function status(code: number, body = ''): Observation {
  return { kind: 'answer', status: code, body };
}

describe('nextView', () => {
  const cases: { name: string; observation: Observation; state: string; smiley: string; color: string }[] = [
    {
      name: 'a whole face is a success, its entity decoded',
      observation: face('&#x1F603;', '#228833'),
      state: 'success',
      smiley: GLYPHS.grinning,
      color: '#228833',
    },
    {
      name: 'a face with an empty errors list is still a success',
      observation: { kind: 'answer', status: 200, body: '{"smiley":"&#x1F603;","color":"#228833"}' },
      state: 'success',
      smiley: GLYPHS.grinning,
      color: '#228833',
    },
    {
      name: 'a failed smiley (cursing substitute) is a smiley error',
      observation: face('&#x1F92C;', '#228833', ['smiley: 127.0.0.1:1 answered 500']),
      state: 'smiley-error',
      smiley: GLYPHS.cursing,
      color: '#228833',
    },
    {
      name: 'a failed color (grey substitute) is a color error',
      observation: face('&#x1F603;', '#BBBBBB', ['color: answered 500']),
      state: 'color-error',
      smiley: GLYPHS.grinning,
      color: '#BBBBBB',
    },
    {
      name: 'a smiley that timed out (sleeping substitute) is a timeout',
      observation: face('&#x1F634;', '#228833', ['smiley: no answer within 1000 ms']),
      state: 'timeout',
      smiley: GLYPHS.sleeping,
      color: '#228833',
    },
    {
      name: 'a color that timed out (red substitute) is a timeout',
      observation: face('&#x1F603;', '#EE6677', ['color: no answer within 1000 ms']),
      state: 'timeout',
      smiley: GLYPHS.grinning,
      color: '#EE6677',
    },
    {
      name: 'a rate-limited backend (kaboom substitute) is rate limited',
      observation: face('&#x1F92F;', '#228833', ['smiley: answered 429']),
      state: 'rate-limited',
      smiley: GLYPHS.kaboom,
      color: '#228833',
    },
    {
      name: 'near miss: a red face with no errors is a plain success, not a timeout',
      observation: face('&#x1F603;', '#EE6677'),
      state: 'success',
      smiley: GLYPHS.grinning,
      color: '#EE6677',
    },
    {
      name: 'near miss: a sleeping smiley with no errors is a success (SMILEY=Sleeping)',
      observation: face('&#x1F634;', '#228833'),
      state: 'success',
      smiley: GLYPHS.sleeping,
      color: '#228833',
    },
    {
      name: '599 is latched: neutral on yellow',
      observation: status(599),
      state: 'latched',
      smiley: GLYPHS.neutral,
      color: COLORS.yellow,
    },
    {
      name: '429 is rate limited: kaboom on yellow',
      observation: status(429),
      state: 'rate-limited',
      smiley: GLYPHS.kaboom,
      color: COLORS.yellow,
    },
    {
      name: '504 is a timeout: sleeping on red',
      observation: status(504),
      state: 'timeout',
      smiley: GLYPHS.sleeping,
      color: COLORS.red,
    },
    {
      name: 'no answer in time is a timeout',
      observation: { kind: 'timeout' },
      state: 'timeout',
      smiley: GLYPHS.sleeping,
      color: COLORS.red,
    },
    {
      name: '500 is a face error: confused on purple',
      observation: status(500, '{"errors":["Face error!"]}'),
      state: 'face-error',
      smiley: GLYPHS.confused,
      color: COLORS.purple,
    },
    {
      name: '502 (face unreachable) is a face error',
      observation: status(502),
      state: 'face-error',
      smiley: GLYPHS.confused,
      color: COLORS.purple,
    },
    {
      name: 'a network failure is a face error',
      observation: { kind: 'network', message: 'Failed to fetch' },
      state: 'face-error',
      smiley: GLYPHS.confused,
      color: COLORS.purple,
    },
    {
      name: 'a 200 that is not a face is a face error',
      observation: status(200, '<html>'),
      state: 'face-error',
      smiley: GLYPHS.confused,
      color: COLORS.purple,
    },
    {
      name: 'a 404 is a face error with the upset face',
      observation: status(404),
      state: 'face-error',
      smiley: GLYPHS.upset,
      color: COLORS.purple,
    },
  ];
  for (const { name, observation, state, smiley, color } of cases) {
    it(name, () => {
      const view = nextView(IDLE, observation);
      assert.equal(view.state, state);
      assert.equal(view.smiley, smiley);
      assert.equal(view.color, color);
    });
  }

  it('shows markup in a smiley as text, never decoding it into anything else', () => {
    const view = nextView(IDLE, face('<img src=x onerror=alert(1)>', '#228833'));
    assert.equal(view.smiley, '<img src=x onerror=alert(1)>');
  });

  it(`counts timeouts in a row and sleeps after more than ${MAX_TIMEOUTS}`, () => {
    let view: CellView = IDLE;
    for (let i = 1; i <= MAX_TIMEOUTS; i++) {
      view = nextView(view, { kind: 'timeout' });
      assert.equal(view.state, 'timeout', `timeout ${i}`);
      assert.equal(view.timeouts, i);
    }
    view = nextView(view, status(504));
    assert.equal(view.state, 'sleeping');
    assert.equal(view.smiley, GLYPHS.sleeping);
    assert.equal(view.color, COLORS.red);
  });

  it('clears the timeout count on any answer that is not a timeout', () => {
    let view: CellView = IDLE;
    for (let i = 0; i < MAX_TIMEOUTS + 2; i++) view = nextView(view, { kind: 'timeout' });
    assert.equal(nextView(view, face('&#x1F603;', '#228833')).timeouts, 0);
    assert.equal(nextView(view, status(500)).timeouts, 0);
  });

  it('puts face errors in the detail for the tooltip', () => {
    const view = nextView(IDLE, status(500, '{"errors":["Face error! (error fraction 100%)"]}'));
    assert.equal(view.detail, 'HTTP 500: Face error! (error fraction 100%)');
  });
});

describe('cellKind', () => {
  it('makes the inner 2×2 of a 4×4 grid center and the ring edge, with EDGE_SIZE=1', () => {
    const kinds = Array.from({ length: 16 }, (_, i) => cellKind(Math.floor(i / 4), i % 4, 4, 4, 1));
    assert.equal(kinds.filter((kind) => kind === 'center').length, 4);
    assert.equal(cellKind(1, 1, 4, 4, 1), 'center');
    assert.equal(cellKind(0, 1, 4, 4, 1), 'edge');
    assert.equal(cellKind(1, 3, 4, 4, 1), 'edge');
  });

  it('makes every cell center with EDGE_SIZE=0 and every cell edge with EDGE_SIZE=2 on 4×4', () => {
    for (let i = 0; i < 16; i++) {
      assert.equal(cellKind(Math.floor(i / 4), i % 4, 4, 4, 0), 'center');
      assert.equal(cellKind(Math.floor(i / 4), i % 4, 4, 4, 2), 'edge');
    }
  });
});

describe('polling rhythm', () => {
  it('staggers a 4×4 grid by 500 ms a row and 125 ms a column, as the original', () => {
    assert.equal(staggerMs(0, 0, 4, 4), 0);
    assert.equal(staggerMs(0, 1, 4, 4), 125);
    assert.equal(staggerMs(1, 0, 4, 4), 500);
    assert.equal(staggerMs(3, 3, 4, 4), 1875);
  });

  it('waits 2 s minus the latency, never less than nothing', () => {
    assert.equal(nextDelayMs(0), 2000);
    assert.equal(nextDelayMs(150), 1850);
    assert.equal(nextDelayMs(2500), 0);
  });
});

describe('podLabel', () => {
  const cases = [
    { pod: 'face-5f7d8c9b6d-x2x4z', label: 'face-x2x4z' },
    { pod: '10.42.0.7', label: '10.42.0.7' },
    { pod: 'face-x2x4z', label: 'face-x2x4z' },
    { pod: 'vm', label: 'vm' },
  ];
  for (const { pod, label } of cases) {
    it(`names pod ${pod} ${label}`, () => assert.equal(podLabel(pod), label));
  }
});
