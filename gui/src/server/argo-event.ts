import { fail, ok } from '@faces/kit/result';
import { PHASES, type Phase, type Progress } from '../app/rollout-shape.js';
import type { EventParse } from './flagger-event.js';

/**
 * The body Argo Rollouts' notification engine posts through our templates
 * (k8s/examples/argo-rollouts/notifications.yaml): `{"source": "argo-rollouts", "name",
 * "namespace", "phase", "message", "eventType", "step", "steps", "weight"}`. Each template names
 * its own phase in Flagger's words (step completed: Progressing, paused: WaitingPromotion,
 * completed: Succeeded, aborted: Failed) and a fixed message; step, steps and weight come from
 * the Rollout's status as strings, "" when Argo has none (a blue-green rollout has no steps, a
 * canary without traffic routing no weight). Each refusal is one line naming the field.
 */
export const ARGO_SOURCE = 'argo-rollouts';

const OBJECT_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const MESSAGE = /^[ -~]{1,200}$/;

/** A whole number as the templates send it ("" or absent: none), or a one-line reason. */
function count(payload: Record<string, unknown>, field: string, max: number): number | undefined | string {
  const value = payload[field];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && /^[0-9]{1,4}$/.test(value) && Number(value) <= max) return Number(value);
  return `"${field}" must be a whole number from 0 to ${max} as a string, or "", was ${JSON.stringify(value)?.slice(0, 60)}`;
}

/** True for a body of our Argo Rollouts templates (they say so): parse it with parseArgoEvent. */
export function isArgoBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as Record<string, unknown>).source === ARGO_SOURCE;
}

/** The weight when Argo routes traffic; else the step toward the last one; else nothing. */
function progressOf(
  weight: number | undefined,
  step: number | undefined,
  steps: number | undefined,
): Progress | undefined {
  if (weight !== undefined) return { unit: 'weight', value: Math.min(weight, 100), max: 100 };
  if (step !== undefined && steps !== undefined && steps > 0)
    return { unit: 'step', value: Math.min(step, steps), max: steps };
  return undefined;
}

export function parseArgoEvent(body: unknown): EventParse {
  const payload = body as Record<string, unknown>;
  for (const field of ['name', 'namespace'] as const) {
    const value = payload[field];
    if (value === undefined) return fail(`missing field "${field}"`);
    if (typeof value !== 'string' || !OBJECT_NAME.test(value)) {
      return fail(`"${field}" must be a Kubernetes object name, was ${JSON.stringify(value)?.slice(0, 60)}`);
    }
  }
  const { phase, message } = payload;
  if (typeof phase !== 'string' || !(PHASES as readonly string[]).includes(phase)) {
    return fail(`unknown phase ${JSON.stringify(phase)?.slice(0, 60)}: one of ${PHASES.join(', ')}`);
  }
  if (typeof message !== 'string' || !MESSAGE.test(message)) {
    return fail('"message" must be one line of 1 to 200 printable ASCII characters');
  }
  const eventType = payload.eventType ?? 'Normal';
  if (eventType !== 'Normal' && eventType !== 'Warning') return fail('"eventType" must be Normal or Warning');
  const weight = count(payload, 'weight', 100);
  const step = count(payload, 'step', 1000);
  const steps = count(payload, 'steps', 1000);
  for (const parsed of [weight, step, steps]) if (typeof parsed === 'string') return fail(parsed);
  return ok({
    name: payload.name as string,
    namespace: payload.namespace as string,
    phase: phase as Phase,
    message,
    eventType,
    timestampMs: undefined,
    maxWeight: undefined,
    progress: progressOf(weight as number | undefined, step as number | undefined, steps as number | undefined),
  });
}
