import { FINISHED_FADE_MS, type Phase, type Progress, ROLLOUT_IDLE_MS, type Rollout } from '../app/rollout-shape.js';
import type { FlaggerEvent } from './flagger-event.js';

/** The most canaries kept: a workshop has four; a flood of names must not grow memory. */
export const MAX_ROLLOUTS = 32;

const FINISHED: ReadonlySet<Phase> = new Set(['Succeeded', 'Failed']);
/** Phases that start a rollout over: the progress of the last one no longer holds. */
const STARTING: ReadonlySet<Phase> = new Set(['Initializing', 'Initialized', 'Waiting']);

const WEIGHT = /\bcanary weight (\d{1,3})\b/;
const ITERATION = /\bcanary iteration (\d{1,4})\/(\d{1,4})\b/;

/**
 * How far a rollout has gone, from Flagger's messages: `Advance face.faces canary weight 15`
 * (toward the webhook's maxWeight, when it says), or `Advance faces-gui.faces canary iteration
 * 3/10` (A/B tests). Without such a message, the last progress stands.
 */
export function progressOf(
  message: string,
  maxWeight: number | undefined,
  last: Progress | undefined,
): Progress | undefined {
  const weight = WEIGHT.exec(message);
  if (weight !== null) {
    const value = Math.min(100, Number(weight[1]));
    return { unit: 'weight', value, max: maxWeight ?? (last?.unit === 'weight' ? last.max : undefined) };
  }
  const iteration = ITERATION.exec(message);
  if (iteration !== null) return { unit: 'iteration', value: Number(iteration[1]), max: Number(iteration[2]) };
  if (last === undefined && maxWeight !== undefined) return { unit: 'weight', value: 0, max: maxWeight };
  if (last !== undefined && maxWeight !== undefined && last.unit === 'weight') return { ...last, max: maxWeight };
  return last;
}

/**
 * Every canary's rollout, as its last event left it: the GUI server's in-memory state. No I/O and
 * no clock of its own (each call is given the time), so it is tested as a table of events.
 */
export class RolloutBoard {
  private readonly rollouts = new Map<string, Rollout>();

  constructor(private readonly limit = MAX_ROLLOUTS) {}

  get size(): number {
    return this.rollouts.size;
  }

  /** Takes one event; past the limit, the canary heard from least recently makes room. */
  apply(event: FlaggerEvent, nowMs: number): Rollout {
    const key = `${event.namespace}/${event.name}`;
    const last = this.rollouts.get(key);
    const restarted =
      STARTING.has(event.phase) || (last !== undefined && FINISHED.has(last.phase) && !FINISHED.has(event.phase));
    const base = restarted ? undefined : last?.progress;
    const finished = FINISHED.has(event.phase);
    let progress = event.progress ?? progressOf(event.message, event.maxWeight, base);
    // A promotion takes all the traffic: the bar is full, whatever step it was on.
    if (event.phase === 'Succeeded' && progress !== undefined)
      progress = { ...progress, value: progress.max ?? progress.value };
    const rollout: Rollout = {
      key,
      name: event.name,
      namespace: event.namespace,
      phase: event.phase,
      progress,
      message: event.message,
      eventType: event.eventType,
      updatedMs: nowMs,
      finishedMs: finished ? (last !== undefined && last.phase === event.phase ? last.finishedMs : nowMs) : undefined,
    };
    this.rollouts.delete(key);
    this.rollouts.set(key, rollout);
    // Map order is insertion order, and each update re-inserts: the first is the stalest.
    while (this.rollouts.size > this.limit) {
      const stalest = this.rollouts.keys().next().value;
      if (stalest === undefined) break;
      this.rollouts.delete(stalest);
    }
    return rollout;
  }

  /** Drops what nobody should see any more: no event for ROLLOUT_IDLE_MS, or finished and faded. True if any went. */
  prune(nowMs: number): boolean {
    let dropped = false;
    for (const [key, rollout] of this.rollouts) {
      const idle = nowMs - rollout.updatedMs > ROLLOUT_IDLE_MS;
      const faded = rollout.finishedMs !== undefined && nowMs - rollout.finishedMs > FINISHED_FADE_MS;
      if (idle || faded) {
        this.rollouts.delete(key);
        dropped = true;
      }
    }
    return dropped;
  }

  /** The rollouts, stalest first (the page shows them newest first). */
  list(): Rollout[] {
    return [...this.rollouts.values()];
  }
}
