import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * Start/Stop, the key and pod switches, and the User field (Enter commits).
 *
 * @fires toggle-active - Start or Stop was pressed
 * @fires toggle-key - show or hide the key
 * @fires toggle-pods - show or hide the pods
 * @fires user-change - `detail` is the new user name, trimmed
 */
@customElement('faces-controls')
export class FacesControls extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: 0.5rem;
      font: 400 0.95rem/1 system-ui, sans-serif;
    }
    button {
      font: inherit;
      font-weight: 600;
      padding: 0.5rem 1rem;
      border-radius: 999px;
      border: 1px solid #d1d5db;
      background: #fff;
      color: #1f2937;
      cursor: pointer;
    }
    button:hover {
      background: #f3f4f6;
    }
    button:focus-visible,
    input:focus-visible {
      outline: 3px solid #66ccee;
      outline-offset: 1px;
    }
    button.primary {
      background: #228833;
      border-color: #228833;
      color: #fff;
      min-width: 5.5rem;
    }
    button.primary.stop {
      background: #1f2937;
      border-color: #1f2937;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      margin-left: 0.5rem;
      color: #4b5563;
    }
    input[aria-invalid='true'] {
      border-color: #ee6677;
      background: #fff5f6;
    }
    input {
      font: inherit;
      padding: 0.45rem 0.7rem;
      border-radius: 0.5rem;
      border: 1px solid #d1d5db;
      width: 10rem;
    }
  `;

  @property({ type: Boolean }) active = true;
  @property({ type: Boolean }) showKey = true;
  @property({ type: Boolean }) showPods = false;
  /** The user requests are made as. */
  @property() user = 'unknown';

  override render() {
    return html`<button class="primary ${this.active ? 'stop' : ''}" id="toggle" @click=${this._onToggle}>
        ${this.active ? 'Stop' : 'Start'}
      </button>
      <button id="key" @click=${() => this.emit('toggle-key')}>${this.showKey ? 'Hide key' : 'Show key'}</button>
      <button id="pods" @click=${() => this.emit('toggle-pods')}>${this.showPods ? 'Hide pods' : 'Show pods'}</button>
      <label
        >User
        <input
          id="user"
          .value=${this.user}
          autocomplete="off"
          spellcheck="false"
          title="Sent as X-Faces-User; press Enter to apply"
          @keydown=${this._onKeydown}
      /></label>`;
  }

  private _onToggle(): void {
    this.emit('toggle-active');
  }

  private _onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    const input = event.target as HTMLInputElement;
    const user = input.value.trim();
    // It goes out as a header value: printable ASCII only, or every request would fail.
    const valid = /^[\x21-\x7e][\x20-\x7e]*$/.test(user);
    input.setAttribute('aria-invalid', String(!valid));
    if (!valid) return;
    input.value = user;
    this.dispatchEvent(new CustomEvent('user-change', { detail: user, bubbles: true, composed: true }));
  }

  private emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'faces-controls': FacesControls;
  }
}
