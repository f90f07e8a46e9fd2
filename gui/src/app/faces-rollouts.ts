import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import './faces-rollout.js';
import { RolloutFeed } from './rollout-feed.js';
import type { Rollout, RolloutSnapshot } from './rollout-shape.js';
import { serverNow, visibleBanners } from './rollout-view.js';

/** How often "how long ago" and the fades move on. */
const TICK_MS = 1000;

/**
 * The banners of Flagger's live rollouts, pushed by the GUI server (events/stream); a banner per
 * canary, newest first. Owns the stream (rollout-feed.ts) and a one-second clock.
 */
@customElement('faces-rollouts')
export class FacesRollouts extends LitElement {
  static override styles = css`
    :host {
      display: block;
      width: min(100%, 40rem);
    }
    .list {
      display: grid;
      gap: 0.5rem;
    }
    :host([empty]) {
      display: none;
    }
  `;

  /** The last snapshot's rollouts. */
  @state() private rollouts: readonly Rollout[] = [];
  /** The server's clock now, as the last snapshot and the page's clock since say. */
  @state() private nowMs = 0;

  private snapshotAt = { serverNowMs: 0, receivedAtMs: 0 };
  private readonly feed = new RolloutFeed((snapshot, receivedAtMs) => this._onSnapshot(snapshot, receivedAtMs));
  private ticker: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.feed.start();
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.feed.stop();
    clearInterval(this.ticker);
  }

  override render() {
    const banners = visibleBanners(this.rollouts, this.nowMs);
    this.toggleAttribute('empty', banners.length === 0);
    if (banners.length === 0) return nothing;
    return html`<div class="list" role="status" aria-live="polite" aria-label="rollouts">
      ${repeat(
        banners,
        (banner) => banner.key,
        (banner) => html`<faces-rollout .view=${banner}></faces-rollout>`,
      )}
    </div>`;
  }

  private tick(): void {
    this.nowMs = serverNow(this.snapshotAt.serverNowMs, this.snapshotAt.receivedAtMs, Date.now());
  }

  private _onSnapshot(snapshot: RolloutSnapshot, receivedAtMs: number): void {
    this.snapshotAt = { serverNowMs: snapshot.serverNowMs, receivedAtMs };
    this.rollouts = snapshot.rollouts;
    this.tick();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'faces-rollouts': FacesRollouts;
  }
}
