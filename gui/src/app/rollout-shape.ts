// What the faces-gui server tells the page about Flagger rollouts (GET /events/stream). One
// declaration for both builds, as page-config-shape.ts, so the two cannot drift apart.

/** Flagger's canary phases, as its event webhook payload names them. */
export const PHASES = [
  'Initializing',
  'Initialized',
  'Waiting',
  'Progressing',
  'WaitingPromotion',
  'Promoting',
  'Finalising',
  'Succeeded',
  'Failed',
  'Terminating',
  'Terminated',
] as const;

export type Phase = (typeof PHASES)[number];

/** Where a rollout stands: how far the canary's traffic (or its iterations, or Argo's steps) has gone. */
export interface Progress {
  readonly unit: 'weight' | 'iteration' | 'step';
  readonly value: number;
  /** The maximum when known: the webhook's `maxWeight` metadata, an iteration's `n/of`, Argo's step count. */
  readonly max: number | undefined;
}

/** One canary's rollout, as its last event left it. */
export interface Rollout {
  /** `<namespace>/<name>`: what identifies a canary. */
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly phase: Phase;
  readonly progress: Progress | undefined;
  /** Flagger's last message: data, shown as text. */
  readonly message: string;
  /** Flagger's eventType: Normal or Warning. */
  readonly eventType: string;
  /** When the GUI server received the last event, in its clock's milliseconds. */
  readonly updatedMs: number;
  /** When the rollout reached Succeeded or Failed, if it has. */
  readonly finishedMs: number | undefined;
}

/** One message on the stream: every live rollout, and the server's clock to correct the page's by. */
export interface RolloutSnapshot {
  readonly serverNowMs: number;
  readonly rollouts: readonly Rollout[];
}

/** A finished banner fades after this long. */
export const FINISHED_FADE_MS = 60_000;
/** A rollout with no event for this long is dropped (by the server and by the page). */
export const ROLLOUT_IDLE_MS = 10 * 60_000;
