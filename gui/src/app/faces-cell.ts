import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type CellView, FADE_END_MS, FADE_START_MS, IDLE } from './cell-state.js';

/**
 * One cell of the grid: a smiley on its color. It fades out when no answer comes for a while (the
 * "slow service" look); `fading` off freezes it (the key's samples, a stopped grid).
 *
 * @csspart face - the colored square
 */
@customElement('faces-cell')
export class FacesCell extends LitElement {
  static override styles = css`
    :host {
      display: block;
      width: var(--cell-size, 7rem);
      height: var(--cell-size, 7rem);
      position: relative;
      border-radius: calc(var(--cell-size, 7rem) * 0.18);
      outline: 2px dashed transparent;
      outline-offset: -2px;
    }
    :host([state='idle']) {
      outline-color: #c8ccd4;
    }
    .face {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      border-radius: inherit;
      border: 3px solid rgb(0 0 0 / 0.08);
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.18), inset 0 -4px 0 rgb(0 0 0 / 0.08);
      background-color: var(--face-color, #bbbbbb);
      transition: background-color 0.25s ease;
      box-sizing: border-box;
    }
    :host([state='idle']) .face {
      visibility: hidden;
    }
    :host([state='smiley-error']) .face,
    :host([state='color-error']) .face,
    :host([state='rate-limited']) .face {
      border-color: #aa3377;
    }
    :host([state='face-error']) .face,
    :host([state='latched']) .face {
      border-color: #55223f;
    }
    :host([state='sleeping']) .face {
      filter: opacity(0.25);
    }
    .smiley {
      font-size: calc(var(--cell-size, 7rem) * 0.64);
      line-height: 1;
      font-family: 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji', sans-serif;
      user-select: none;
    }
    .count {
      position: absolute;
      right: 0.35rem;
      bottom: 0.3rem;
      min-width: 1.2rem;
      padding: 0 0.3rem;
      border-radius: 0.6rem;
      background: rgb(0 0 0 / 0.6);
      color: #fff;
      font: 600 0.75rem/1.2rem system-ui, sans-serif;
      text-align: center;
    }
    .pod {
      position: absolute;
      left: 0.35rem;
      top: 0.3rem;
      max-width: calc(100% - 0.7rem);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      padding: 0 0.35rem;
      border-radius: 0.4rem;
      background: rgb(255 255 255 / 0.85);
      color: #1f2937;
      font: 600 0.7rem/1.1rem ui-monospace, monospace;
    }
    :host([slow]) {
      outline-color: #8a8f99;
    }
  `;

  /** What to show. */
  @property({ attribute: false }) view: CellView = IDLE;
  /** Reflects the view's state, so styles and tests can select on it. */
  @property({ reflect: true }) state = IDLE.state;
  /** Fade out when not updated; off for the key and while stopped. */
  @property({ type: Boolean }) fading = false;
  /** The pod that answered last, shown when the pods are shown; empty hides the tag. */
  @property() pod = '';
  /** Set while the face has faded out completely: the cell shows a dashed outline. */
  @property({ type: Boolean, reflect: true }) slow = false;

  private fade: Animation | undefined;

  override render() {
    const { view } = this;
    return html`<div class="face" part="face" title=${view.detail}>
      <span class="smiley" role="img" aria-label=${view.state}>${view.smiley}</span>
      ${this.pod === '' ? '' : html`<span class="pod">${this.pod}</span>`}
      ${view.timeouts > 0 ? html`<span class="count" title="timeouts in a row">${view.timeouts}</span>` : ''}
    </div>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view')) this.state = this.view.state;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Through the CSSOM, not a style attribute: the page's CSP allows no inline styles.
    if (changed.has('view')) this.style.setProperty('--face-color', this.view.color);
    if (changed.has('view') && this.view !== IDLE) this.restartFade();
    if (changed.has('fading')) {
      if (this.fading) this.fade?.play();
      else this.fade?.pause();
    }
  }

  private restartFade(): void {
    this.fade?.cancel();
    this.slow = false;
    const face = this.renderRoot.querySelector('.face');
    if (face === null) return;
    const start = FADE_START_MS / FADE_END_MS;
    this.fade = face.animate([{ opacity: 1 }, { opacity: 1, offset: start }, { opacity: 0 }], {
      duration: FADE_END_MS,
      fill: 'forwards',
    });
    this.fade.onfinish = () => {
      this.slow = true;
    };
    if (!this.fading) this.fade.pause();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'faces-cell': FacesCell;
  }
}
