import { fail, ok, type Result } from '@faces/kit/result';
import { PHASES, type Phase, type Progress } from '../app/rollout-shape.js';

/** One Flagger event (or Argo Rollouts', see argo-event.ts), checked: what the rollout state takes. */
export interface FlaggerEvent {
  readonly name: string;
  readonly namespace: string;
  readonly phase: Phase;
  readonly message: string;
  readonly eventType: string;
  /** Flagger's timestamp (unix milliseconds); Argo's bodies have none. */
  readonly timestampMs: number | undefined;
  /** The webhook's own `maxWeight` metadata (Flagger passes a webhook's metadata on), if any. */
  readonly maxWeight: number | undefined;
  /** Said outright (Argo's weight or step); absent, it is read from Flagger's message. */
  readonly progress?: Progress | undefined;
}

/** A checked event, or a one-line reason naming the field. */
export type EventParse = Result<FlaggerEvent>;

/** A Kubernetes object name (DNS-1123 subdomain): what Flagger sends, and nothing that could be more. */
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const DIGITS = /^[0-9]{1,15}$/;
/** The most of a message kept: Flagger's are one line of well under 200 characters. */
export const MAX_MESSAGE_CHARACTERS = 1000;

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Control characters (line breaks included) become spaces: a message is one line of text. */
function oneLine(text: string): string {
  const flat = text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
  return flat.length > MAX_MESSAGE_CHARACTERS ? `${flat.slice(0, MAX_MESSAGE_CHARACTERS)}…` : flat;
}

/**
 * Flagger's event webhook payload: `{"name", "namespace", "phase", "checksum"?, "metadata":
 * {"eventMessage", "eventType", "timestamp"}}`, metadata values all strings (Go's
 * map[string]string). Other fields (newer Flagger sends more) are ignored. Each refusal is one
 * line naming the field.
 */
export function parseFlaggerEvent(body: unknown): EventParse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail("the body must be Flagger's event payload, a JSON object");
  }
  const payload = body as Record<string, unknown>;
  for (const field of ['name', 'namespace'] as const) {
    const value = payload[field];
    if (value === undefined) return fail(`missing field "${field}"`);
    if (typeof value !== 'string' || !OBJECT_NAME.test(value)) {
      return fail(`"${field}" must be a Kubernetes object name, was ${shown(value)}`);
    }
  }
  const { phase } = payload;
  if (phase === undefined) return fail('missing field "phase"');
  if (typeof phase !== 'string' || !(PHASES as readonly string[]).includes(phase)) {
    return fail(`unknown phase ${shown(phase)}: one of ${PHASES.join(', ')}`);
  }
  const { metadata } = payload;
  if (metadata === undefined) return fail('missing field "metadata"');
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    return fail('"metadata" must be an object of strings');
  }
  const meta = metadata as Record<string, unknown>;
  for (const field of ['eventMessage', 'eventType', 'timestamp'] as const) {
    if (meta[field] === undefined) return fail(`missing field "metadata.${field}"`);
    if (typeof meta[field] !== 'string') return fail(`"metadata.${field}" must be a string, was ${shown(meta[field])}`);
  }
  const timestamp = meta.timestamp as string;
  if (!DIGITS.test(timestamp)) return fail(`"metadata.timestamp" must be unix milliseconds, was ${shown(timestamp)}`);
  const maxWeight = meta.maxWeight;
  let max: number | undefined;
  if (maxWeight !== undefined) {
    max = typeof maxWeight === 'string' && /^[0-9]{1,3}$/.test(maxWeight) ? Number(maxWeight) : Number.NaN;
    if (!(max >= 1 && max <= 100))
      return fail(`"metadata.maxWeight" must be a whole percent from 1 to 100, was ${shown(maxWeight)}`);
  }
  return ok({
    name: payload.name as string,
    namespace: payload.namespace as string,
    phase: phase as Phase,
    message: oneLine(meta.eventMessage as string),
    eventType: oneLine(meta.eventType as string).slice(0, 40),
    timestampMs: Number(timestamp),
    maxWeight: max,
  });
}
