import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { callFaults } from './api.js';
import {
  type ControlledService,
  errorFractionFor,
  type FaultsView,
  PRESENTER_FRAGMENT,
  parsePercent,
  refusalText,
  SERVICES,
  TOKEN_KEY,
} from './presenter-state.js';

/**
 * The presenter's panel: set a backend's error fraction for the current user, live. Nothing of it
 * shows without the token. The token field shows when the page is opened at `#presenter` (a
 * fragment, never sent to the server); the token is kept in sessionStorage (this tab only) and
 * sent only as the Authorization of the GUI's /faults/<service> calls.
 */
@customElement('faces-presenter')
export class FacesPresenter extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.85rem;
      color: #374151;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: 0.45rem;
      padding: 0.5rem 0.8rem;
      border: 1px dashed #9ca3af;
      border-radius: 0.6rem;
      background: #f9fafb;
    }
    input,
    select,
    button {
      font: inherit;
      padding: 0.3rem 0.55rem;
      border-radius: 0.4rem;
      border: 1px solid #d1d5db;
      background: #fff;
    }
    input[type='number'] {
      width: 4.5rem;
    }
    button {
      cursor: pointer;
      font-weight: 600;
    }
    .now {
      color: #6b7280;
    }
    .problem {
      color: #b42318;
    }
  `;

  /** The user the page's requests go as: the panel sets faults for that user only. */
  @property() user = 'unknown';

  @state() private token: string | undefined;
  @state() private asked = false;
  @state() private service: ControlledService = 'smiley';
  @state() private view: FaultsView | undefined;
  @state() private problem = '';
  @state() private busy = false;

  private readonly onHashChange = () => {
    this.asked = location.hash === PRESENTER_FRAGMENT;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.token = sessionStorage.getItem(TOKEN_KEY) ?? undefined;
    this.onHashChange();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  override render() {
    if (this.token === undefined) {
      if (!this.asked) return nothing;
      return html`<form id="unlock" @submit=${this._onUnlock}>
        <label>Presenter token <input id="token" type="password" autocomplete="off" required /></label>
        <button type="submit" ?disabled=${this.busy}>Unlock</button>
        ${this.problem === '' ? nothing : html`<span class="problem" role="alert">${this.problem}</span>`}
      </form>`;
    }
    const now = this.view === undefined ? undefined : errorFractionFor(this.view, this.user);
    return html`<form id="faults" @submit=${this._onApply}>
      <span>Faults for <b>${this.user}</b>:</span>
      <select id="service" aria-label="service" @change=${this._onService}>
        ${SERVICES.map((name) => html`<option value=${name} ?selected=${name === this.service}>${name}</option>`)}
      </select>
      <label>error % <input id="error-fraction" type="number" min="0" max="100" step="1" required .value=${String(now?.value ?? 0)} /></label>
      <button type="submit" id="apply" ?disabled=${this.busy}>Apply</button>
      <button type="button" id="clear" ?disabled=${this.busy} @click=${this._onClear}>Clear</button>
      <button type="button" id="lock" @click=${this._onLock}>Lock</button>
      ${
        now === undefined
          ? nothing
          : html`<span class="now" id="now">${this.service} fails ${now.value} % of ${this.user}'s requests${now.own ? '' : ' (as everyone)'}</span>`
      }
      ${this.problem === '' ? nothing : html`<span class="problem" role="alert">${this.problem}</span>`}
    </form>`;
  }

  protected override updated(changed: PropertyValues): void {
    if (this.token !== undefined && (changed.has('user') || changed.has('service') || changed.has('token'))) {
      void this.call('GET');
    }
  }

  private async call(method: 'GET' | 'PUT' | 'DELETE', errorFraction?: number): Promise<boolean> {
    const { token } = this;
    if (token === undefined) return false;
    this.busy = true;
    const answer = await callFaults(this.service, token, method, {
      user: this.user,
      ...(errorFraction === undefined ? {} : { errorFraction }),
    });
    this.busy = false;
    if (answer.ok) {
      this.view = answer.view;
      this.problem = '';
      return true;
    }
    this.problem = refusalText(answer.status, answer.error);
    return false;
  }

  private async _onUnlock(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#token');
    const token = input?.value.trim() ?? '';
    if (token === '') return;
    this.busy = true;
    const answer = await callFaults(this.service, token, 'GET');
    this.busy = false;
    if (!answer.ok) {
      this.problem = refusalText(answer.status, answer.error);
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    this.problem = '';
    this.view = answer.view;
    this.token = token;
  }

  private async _onApply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#error-fraction');
    const value = parsePercent(input?.value ?? '');
    if (typeof value === 'string') {
      this.problem = `error %: ${value}`;
      return;
    }
    await this.call('PUT', value);
  }

  private async _onClear(): Promise<void> {
    await this.call('DELETE');
  }

  private _onService(event: Event): void {
    this.service = (event.target as HTMLSelectElement).value as ControlledService;
  }

  private _onLock(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    this.token = undefined;
    this.view = undefined;
    this.problem = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'faces-presenter': FacesPresenter;
  }
}
