import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { FALLBACK_CONFIG, type FaceAnswer, fetchConfig, type PageConfig } from './api.js';
import { type CellView, cellKind, IDLE, nextView, podLabel, staggerMs } from './cell-state.js';
import './faces-cell.js';
import './faces-controls.js';
import './faces-key.js';
import './faces-pods.js';
import './faces-presenter.js';
import './faces-rollouts.js';
import type { PodTally } from './faces-pods.js';
import { readIslandConfig } from './page-config.js';
import { CellPoller, type PollTarget } from './poller.js';

/** A pod not heard from for this long leaves the pod column. */
const POD_FORGET_MS = 30_000;

/**
 * The Faces grid: owns the configuration, the user, the pollers and what each cell shows.
 */
@customElement('faces-app')
export class FacesApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
      box-sizing: border-box;
      padding: clamp(0.75rem, 3vw, 2.5rem);
      font-family: system-ui, sans-serif;
      color: #1f2937;
    }
    .card {
      max-width: 72rem;
      margin: 0 auto;
      background: rgb(255 255 255 / 0.94);
      border-radius: 1.25rem;
      box-shadow: 0 10px 40px rgb(15 23 42 / 0.16), 0 1px 3px rgb(15 23 42 / 0.12);
      padding: 1.5rem clamp(1rem, 3vw, 2.5rem) 2rem;
    }
    header {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 1rem;
      margin-bottom: 1.75rem;
    }
    h1 {
      margin: 0;
      font-size: 2.25rem;
      letter-spacing: -0.02em;
    }
    .status {
      font-size: 0.85rem;
      color: #6b7280;
      margin: -0.5rem 0 0;
    }
    .status b {
      color: #1f2937;
    }
    main {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      align-items: flex-start;
      gap: 2.5rem;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(var(--cols, 4), var(--cell-size, 7rem));
      gap: 0.6rem;
    }
    .stopped .grid {
      filter: saturate(0.6);
    }
  `;

  @state() private config: PageConfig = FALLBACK_CONFIG;
  @state() private user = FALLBACK_CONFIG.user;
  @state() private active = false;
  @state() private showKey = true;
  @state() private showPods = false;
  @state() private views: CellView[] = [];
  @state() private pods = new Map<string, PodTally>();
  /** The pod that answered each cell last. */
  @state() private cellPods: string[] = [];

  private pollers: CellPoller[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    const island = readIslandConfig(document);
    if (island !== undefined) this.configure(island);
    else
      fetchConfig(FALLBACK_CONFIG.user).then(
        (config) => this.configure(config),
        () => this.configure(FALLBACK_CONFIG),
      );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const poller of this.pollers) poller.stop();
  }

  override render() {
    const { numRows, numCols } = this.config;
    return html`<div class="card ${this.active ? '' : 'stopped'}">
      <header>
        <h1>Faces</h1>
        <faces-controls
          .active=${this.active}
          .showKey=${this.showKey}
          .showPods=${this.showPods}
          .user=${this.user}
          @toggle-active=${this._onToggleActive}
          @toggle-key=${() => {
            this.showKey = !this.showKey;
          }}
          @toggle-pods=${() => {
            this.showPods = !this.showPods;
          }}
          @user-change=${this._onUserChange}
        ></faces-controls>
        <p class="status">
          ${this.active ? 'Polling' : 'Stopped'} as <b>${this.user}</b> · ${numRows}×${numCols} cells
        </p>
        <faces-presenter .user=${this.user}></faces-presenter>
        ${this.config.showRollouts ? html`<faces-rollouts></faces-rollouts>` : ''}
      </header>
      <main>
        <div
          class="grid"
          role="grid"
          aria-label="faces"
        >
          ${repeat(
            this.views,
            (_view, index) => index,
            (view, index) =>
              html`<faces-cell
                .view=${view}
                .pod=${this.showPods ? (this.cellPods[index] ?? '') : ''}
                ?fading=${this.active}
              ></faces-cell>`,
          )}
        </div>
        ${this.showKey ? html`<faces-key></faces-key>` : ''}
        ${this.showPods ? html`<faces-pods .pods=${this.visiblePods()}></faces-pods>` : ''}
      </main>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    // Through the CSSOM, not style attributes: the page's CSP allows no inline styles.
    if (changed.has('config')) {
      document.body.style.backgroundColor = this.config.color;
      this.style.setProperty('--cols', String(this.config.numCols));
    }
  }

  private configure(config: PageConfig): void {
    for (const poller of this.pollers) poller.stop();
    this.config = config;
    this.user = config.user;
    this.showKey = !config.hideKey;
    this.showPods = config.showPods;
    const { numRows, numCols, edgeSize } = config;
    this.views = Array.from({ length: numRows * numCols }, () => IDLE);
    this.cellPods = this.views.map(() => '');
    this.pollers = this.views.map((_, index) => {
      const row = Math.floor(index / numCols);
      const col = index % numCols;
      const target: PollTarget = { row, col, kind: cellKind(row, col, numRows, numCols, edgeSize) };
      return new CellPoller(
        target,
        () => ({ user: this.user, timeoutMs: this.config.cellTimeoutMs }),
        (at, answer) => this.record(at, answer),
      );
    });
    if (config.startActive) this.start();
  }

  private start(): void {
    const { numRows, numCols } = this.config;
    this.pollers.forEach((poller, index) => {
      poller.start(staggerMs(Math.floor(index / numCols), index % numCols, numRows, numCols));
    });
    this.active = true;
  }

  private stop(): void {
    for (const poller of this.pollers) poller.stop();
    this.active = false;
  }

  private record(target: PollTarget, answer: FaceAnswer): void {
    const index = target.row * this.config.numCols + target.col;
    const view = nextView(this.views[index] ?? IDLE, answer.observation);
    this.views = this.views.map((old, i) => (i === index ? view : old));
    if (answer.pod !== undefined) {
      const label = podLabel(answer.pod);
      this.cellPods = this.cellPods.map((old, i) => (i === index ? label : old));
      this.tally(label, view);
    }
  }

  private tally(label: string, view: CellView): void {
    const old = this.pods.get(label);
    const failed = view.state !== 'success' ? 1 : 0;
    const pods = new Map(this.pods);
    pods.set(label, {
      label,
      answers: (old?.answers ?? 0) + 1,
      failures: (old?.failures ?? 0) + failed,
      last: view,
      lastSeen: Date.now(),
    });
    this.pods = pods;
  }

  private visiblePods(): PodTally[] {
    const now = Date.now();
    return [...this.pods.values()]
      .filter((pod) => now - pod.lastSeen < POD_FORGET_MS)
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  private _onToggleActive(): void {
    if (this.active) this.stop();
    else this.start();
  }

  private async _onUserChange(event: CustomEvent<string>): Promise<void> {
    this.user = event.detail;
    try {
      const config = await fetchConfig(this.user);
      // Only the background follows the user; the grid keeps running.
      if (config.user === this.user) this.config = { ...this.config, color: config.color };
    } catch {
      // The background stays as it is; the requests already use the new user.
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'faces-app': FacesApp;
  }
}
