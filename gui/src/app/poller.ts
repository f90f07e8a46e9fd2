import { type FaceAnswer, fetchFace } from './api.js';
import { nextDelayMs } from './cell-state.js';

export interface PollTarget {
  readonly row: number;
  readonly col: number;
  readonly kind: 'center' | 'edge';
}

export interface PollSettings {
  readonly user: string;
  readonly timeoutMs: number;
}

/**
 * One cell's polling loop: at most one request in flight, the next one a period after the last
 * started. Stop aborts the request in flight and any timer, so a quick Stop/Start never doubles
 * the loop.
 */
export class CellPoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;

  constructor(
    private readonly target: PollTarget,
    private readonly settings: () => PollSettings,
    private readonly onAnswer: (target: PollTarget, answer: FaceAnswer) => void,
  ) {}

  get running(): boolean {
    return this.controller !== undefined;
  }

  start(delayMs: number): void {
    if (this.controller !== undefined) return;
    const controller = new AbortController();
    this.controller = controller;
    this.schedule(controller, delayMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.controller?.abort();
    this.controller = undefined;
  }

  private schedule(controller: AbortController, delayMs: number): void {
    this.timer = setTimeout(() => void this.poll(controller), delayMs);
  }

  private async poll(controller: AbortController): Promise<void> {
    const { user, timeoutMs } = this.settings();
    const { row, col, kind } = this.target;
    const answer = await fetchFace(kind, row, col, user, timeoutMs, controller.signal);
    if (controller.signal.aborted) return;
    this.onAnswer(this.target, answer);
    this.schedule(controller, nextDelayMs(answer.latencyMs));
  }
}
