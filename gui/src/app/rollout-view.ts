import { FINISHED_FADE_MS, type Phase, ROLLOUT_IDLE_MS, type Rollout } from './rollout-shape.js';

/** How a banner is coloured: red for a failed rollout, green for a promoted one. */
export type Tone = 'live' | 'waiting' | 'failed' | 'succeeded';

/** A faded banner is gone after its fade (the CSS transition) has run. */
export const FADE_OUT_MS = 2000;

const TONES: Readonly<Record<Phase, Tone>> = {
  Initializing: 'waiting',
  Initialized: 'waiting',
  Waiting: 'waiting',
  Progressing: 'live',
  WaitingPromotion: 'live',
  Promoting: 'live',
  Finalising: 'live',
  Succeeded: 'succeeded',
  Failed: 'failed',
  Terminating: 'waiting',
  Terminated: 'waiting',
};

/** What one banner shows. */
export interface BannerView {
  readonly key: string;
  /** `name.namespace`, as Flagger's own messages name a canary. */
  readonly title: string;
  readonly phase: Phase;
  readonly tone: Tone;
  /** Flagger said it as a Warning (a halted step, a failed check). */
  readonly warning: boolean;
  readonly message: string;
  /** `weight 15 % of 50 %`, `iteration 3 of 10`, `step 3 of 9`, or undefined before any step. */
  readonly progressText: string | undefined;
  /** For the bar: only when the maximum is known. */
  readonly bar: { readonly value: number; readonly max: number } | undefined;
  readonly ago: string;
  /** Finished more than a minute ago: fading out. */
  readonly fading: boolean;
}

/** "just now", "42 s ago", "3 min ago". */
export function formatAgo(ms: number): string {
  if (ms < 5000) return 'just now';
  if (ms < 60_000) return `${Math.floor(ms / 1000)} s ago`;
  return `${Math.floor(ms / 60_000)} min ago`;
}

/** The server's clock now, from a snapshot's clock and how long ago (by the page's clock) it came. */
export function serverNow(snapshotServerNowMs: number, receivedAtMs: number, pageNowMs: number): number {
  return snapshotServerNowMs + Math.max(0, pageNowMs - receivedAtMs);
}

function progressText(rollout: Rollout): string | undefined {
  const { progress } = rollout;
  if (progress === undefined) return undefined;
  if (progress.unit === 'iteration') return `iteration ${progress.value} of ${progress.max ?? '?'}`;
  if (progress.unit === 'step') return `step ${progress.value} of ${progress.max ?? '?'}`;
  return progress.max === undefined ? `weight ${progress.value} %` : `weight ${progress.value} % of ${progress.max} %`;
}

export function bannerView(rollout: Rollout, nowMs: number): BannerView {
  const { progress } = rollout;
  return {
    key: rollout.key,
    title: `${rollout.name}.${rollout.namespace}`,
    phase: rollout.phase,
    tone: TONES[rollout.phase],
    warning: rollout.eventType === 'Warning',
    message: rollout.message,
    progressText: progressText(rollout),
    bar: progress?.max === undefined ? undefined : { value: Math.min(progress.value, progress.max), max: progress.max },
    ago: formatAgo(Math.max(0, nowMs - rollout.updatedMs)),
    fading: rollout.finishedMs !== undefined && nowMs - rollout.finishedMs >= FINISHED_FADE_MS,
  };
}

/** The banners to show now (server clock), newest first: none idle 10 minutes, none faded out. */
export function visibleBanners(rollouts: readonly Rollout[], nowMs: number): BannerView[] {
  return rollouts
    .filter((r) => nowMs - r.updatedMs <= ROLLOUT_IDLE_MS)
    .filter((r) => r.finishedMs === undefined || nowMs - r.finishedMs < FINISHED_FADE_MS + FADE_OUT_MS)
    .sort((a, b) => b.updatedMs - a.updatedMs)
    .map((r) => bannerView(r, nowMs));
}
