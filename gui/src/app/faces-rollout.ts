import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BannerView } from './rollout-view.js';

/**
 * One canary's rollout: its name, phase, weight (a bar toward the maximum when known), Flagger's
 * last message and how long ago it came. Every text is a text binding: a message with markup
 * in it shows as that markup's characters.
 *
 * The host carries `tone` (live, waiting, failed, succeeded) and `fading` attributes.
 * @csspart banner - the banner box
 */
@customElement('faces-rollout')
export class FacesRollout extends LitElement {
  static override styles = css`
    :host {
      display: block;
      transition: opacity 2s ease-in;
    }
    :host([fading]) {
      opacity: 0;
    }
    .banner {
      --tone: #bbbbbb;
      border-left: 0.4rem solid var(--tone);
      border-radius: 0.6rem;
      background: #f3f4f6;
      padding: 0.55rem 0.9rem;
      text-align: left;
      font-size: 0.9rem;
    }
    .live {
      --tone: #4477aa;
      background: #eaf1f8;
    }
    .failed {
      --tone: #ee6677;
      background: #fde9ec;
    }
    .succeeded {
      --tone: #228833;
      background: #e5f3e8;
    }
    .top {
      display: flex;
      align-items: baseline;
      gap: 0.6rem;
    }
    .title {
      font-weight: 700;
    }
    .phase {
      font-size: 0.75rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: #fff;
      background: var(--tone);
      border-radius: 999px;
      padding: 0.15rem 0.55rem;
    }
    .ago {
      margin-left: auto;
      color: #6b7280;
      font-size: 0.8rem;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      margin-top: 0.35rem;
      color: #374151;
    }
    progress {
      appearance: none;
      width: 12rem;
      height: 0.55rem;
      border: 0;
      border-radius: 999px;
      background: #d1d5db;
      overflow: hidden;
    }
    progress::-webkit-progress-bar {
      background: #d1d5db;
    }
    progress::-webkit-progress-value {
      background: var(--tone);
    }
    progress::-moz-progress-bar {
      background: var(--tone);
    }
    .message {
      margin: 0.35rem 0 0;
      overflow-wrap: anywhere;
      color: #1f2937;
    }
    .message.warning {
      color: #8a5a00;
    }
  `;

  /** What to show; set by faces-rollouts. */
  @property({ attribute: false }) view: BannerView | undefined;

  override render() {
    const { view } = this;
    if (view === undefined) return nothing;
    return html`<div class="banner ${view.tone}" part="banner">
      <div class="top">
        <span class="title">${view.title}</span>
        <span class="phase">${view.phase}</span>
        <span class="ago">${view.ago}</span>
      </div>
      ${
        view.progressText === undefined
          ? nothing
          : html`<div class="progress">
            ${
              view.bar === undefined
                ? nothing
                : html`<progress max=${view.bar.max} .value=${view.bar.value} aria-label="canary progress"></progress>`
            }
            <span class="weight">${view.progressText}</span>
          </div>`
      }
      <p class="message ${view.warning ? 'warning' : ''}">${view.message}</p>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('view') || this.view === undefined) return;
    this.setAttribute('tone', this.view.tone);
    this.toggleAttribute('fading', this.view.fading);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'faces-rollout': FacesRollout;
  }
}
