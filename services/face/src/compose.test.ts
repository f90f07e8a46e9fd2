import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeFace, degradation, type Outcome } from './compose.js';

const GRINNING = '&#x1F603;';
const GREEN = '#228833';

const outcomes: Readonly<Record<Outcome['kind'], { smiley: Outcome; color: Outcome }>> = {
  ok: { smiley: { kind: 'ok', value: GRINNING }, color: { kind: 'ok', value: GREEN } },
  error: {
    smiley: { kind: 'error', detail: 'smiley:80 answered 500' },
    color: { kind: 'error', detail: 'color:80 answered 500' },
  },
  timeout: {
    smiley: { kind: 'timeout', detail: 'no answer from smiley:80 within 1000 ms' },
    color: { kind: 'timeout', detail: 'no answer from color:80 within 1000 ms' },
  },
  'rate-limited': {
    smiley: { kind: 'rate-limited', detail: 'smiley:80 answered 429' },
    color: { kind: 'rate-limited', detail: 'color:80 answered 429' },
  },
};

// What the contract substitutes, and what the degradation header names, per backend outcome.
const smileyFor = { ok: GRINNING, error: '&#x1F92C;', timeout: '&#x1F634;', 'rate-limited': '&#x1F92F;' };
const colorFor = { ok: GREEN, error: '#BBBBBB', timeout: '#EE6677', 'rate-limited': '#CCBB44' };
const causeFor = {
  ok: undefined,
  error: 'upstream-error',
  timeout: 'upstream-timeout',
  'rate-limited': 'upstream-rate-limited',
};
const kinds = Object.keys(outcomes) as Outcome['kind'][];

describe('composeFace and degradation, every smiley outcome × every color outcome', () => {
  for (const smileyKind of kinds) {
    for (const colorKind of kinds) {
      const smiley = outcomes[smileyKind].smiley;
      const color = outcomes[colorKind].color;
      it(`smiley ${smileyKind}, color ${colorKind} → ${smileyFor[smileyKind]} on ${colorFor[colorKind]}`, () => {
        const face = composeFace(smiley, color);
        assert.equal(face.smiley, smileyFor[smileyKind]);
        assert.equal(face.color, colorFor[colorKind]);
        const expectedErrors = [
          ...(smiley.kind === 'ok' ? [] : [`smiley: ${smiley.detail}`]),
          ...(color.kind === 'ok' ? [] : [`color: ${color.detail}`]),
        ];
        assert.deepEqual(face.errors, expectedErrors);
        const causes = [
          ...(causeFor[smileyKind] === undefined ? [] : [`${causeFor[smileyKind]};backend=smiley`]),
          ...(causeFor[colorKind] === undefined ? [] : [`${causeFor[colorKind]};backend=color`]),
        ];
        assert.equal(degradation(smiley, color), causes.length === 0 ? undefined : causes.join(', '));
      });
    }
  }

  it('passes any backend value through untouched, such as a CSS named color', () => {
    const face = composeFace({ kind: 'ok', value: '&#x1F60D;' }, { kind: 'ok', value: 'lightcyan' });
    assert.deepEqual(face, { smiley: '&#x1F60D;', color: 'lightcyan', errors: [] });
  });

  it('lists smiley before color in errors', () => {
    const face = composeFace(outcomes.error.smiley, outcomes.timeout.color);
    assert.match(face.errors[0] ?? '', /^smiley: /);
    assert.match(face.errors[1] ?? '', /^color: /);
  });
});
