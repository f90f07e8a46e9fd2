import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_MESSAGE_CHARACTERS, parseFlaggerEvent } from './flagger-event.js';

const GOOD = {
  name: 'face',
  namespace: 'faces',
  phase: 'Progressing',
  checksum: '85d557f47b',
  metadata: { eventMessage: 'Advance face.faces canary weight 15', eventType: 'Normal', timestamp: '1700000000000' },
};

function without(path: string[]): unknown {
  const copy = structuredClone(GOOD) as Record<string, unknown>;
  const [first, second] = path;
  if (second === undefined) delete copy[first as string];
  else delete (copy[first as string] as Record<string, unknown>)[second];
  return copy;
}

describe('parseFlaggerEvent', () => {
  it("takes Flagger's payload, and ignores fields newer Flagger adds", () => {
    const parsed = parseFlaggerEvent({
      ...GOOD,
      canaryWeight: 15,
      metadata: { ...GOOD.metadata, maxWeight: '50', iterations: '0' },
    });
    assert.deepEqual(parsed, {
      ok: true,
      value: {
        name: 'face',
        namespace: 'faces',
        phase: 'Progressing',
        message: 'Advance face.faces canary weight 15',
        eventType: 'Normal',
        timestampMs: 1_700_000_000_000,
        maxWeight: 50,
      },
    });
  });

  const refused: { name: string; body: unknown; reason: RegExp }[] = [
    { name: 'a body that is a list', body: [GOOD], reason: /^the body must be Flagger's event payload/ },
    { name: 'no name', body: without(['name']), reason: /^missing field "name"$/ },
    { name: 'no phase', body: without(['phase']), reason: /^missing field "phase"$/ },
    { name: 'no metadata', body: without(['metadata']), reason: /^missing field "metadata"$/ },
    {
      name: 'no eventMessage',
      body: without(['metadata', 'eventMessage']),
      reason: /^missing field "metadata.eventMessage"$/,
    },
    { name: 'no timestamp', body: without(['metadata', 'timestamp']), reason: /^missing field "metadata.timestamp"$/ },
    {
      name: 'an unknown phase',
      body: { ...GOOD, phase: 'Progresing' },
      reason: /^unknown phase "Progresing": one of Initializing, .*Terminated$/,
    },
    { name: 'a phase in the wrong case', body: { ...GOOD, phase: 'failed' }, reason: /^unknown phase "failed"/ },
    {
      name: 'a name with markup',
      body: { ...GOOD, name: '<b>x</b>' },
      reason: /^"name" must be a Kubernetes object name/,
    },
    {
      name: 'a name over 253 characters',
      body: { ...GOOD, name: 'a'.repeat(254) },
      reason: /^"name" must be a Kubernetes object name, was "a{59}…/,
    },
    {
      name: 'a numeric timestamp',
      body: { ...GOOD, metadata: { ...GOOD.metadata, timestamp: 1700000000000 } },
      reason: /^"metadata.timestamp" must be a string/,
    },
    {
      name: 'a timestamp in seconds with a fraction',
      body: { ...GOOD, metadata: { ...GOOD.metadata, timestamp: '1700000000.5' } },
      reason: /^"metadata.timestamp" must be unix milliseconds/,
    },
    {
      name: 'a maxWeight of 0',
      body: { ...GOOD, metadata: { ...GOOD.metadata, maxWeight: '0' } },
      reason: /^"metadata.maxWeight" must be a whole percent/,
    },
    {
      name: 'metadata as a string',
      body: { ...GOOD, metadata: 'x' },
      reason: /^"metadata" must be an object of strings$/,
    },
  ];
  for (const { name, body, reason } of refused) {
    it(`refuses ${name} with one line`, () => {
      const parsed = parseFlaggerEvent(body);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) {
        assert.match(parsed.reason, reason);
        assert.ok(!parsed.reason.includes('\n'));
      }
    });
  }

  it('keeps a message on one line, and at most 1000 characters of it', () => {
    const long = parseFlaggerEvent({
      ...GOOD,
      metadata: { ...GOOD.metadata, eventMessage: `a\nb\u2028c${'x'.repeat(5000)}` },
    });
    assert.ok(long.ok);
    if (long.ok) {
      assert.match(long.value.message, /^a b cx+…$/);
      assert.equal(long.value.message.length, MAX_MESSAGE_CHARACTERS + 1);
    }
  });

  it('keeps markup in a message as the characters it is (the page shows them as text)', () => {
    const markup = '<img src=x onerror=alert(1)>';
    const parsed = parseFlaggerEvent({ ...GOOD, metadata: { ...GOOD.metadata, eventMessage: markup } });
    assert.ok(parsed.ok && parsed.value.message === markup);
  });
});
