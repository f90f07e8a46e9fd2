import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { type CellState, type CellView, COLORS, GLYPHS } from './cell-state.js';
import './faces-cell.js';

interface Sample {
  readonly view: CellView;
  readonly label: string;
  readonly hint: string;
}

function sample(state: CellState, smiley: string, color: string, label: string, hint: string): Sample {
  return { view: { state, smiley, color, timeouts: 0, detail: label }, label, hint };
}

const SAMPLES: readonly Sample[] = [
  sample('success', GLYPHS.grinning, COLORS.green, 'Success', 'face, smiley and color all answered'),
  sample('face-error', GLYPHS.confused, COLORS.purple, 'Face service error', 'face (or the way to it) failed'),
  sample('latched', GLYPHS.neutral, COLORS.yellow, 'Latched', 'face is stuck failing (599)'),
  sample('timeout', GLYPHS.sleeping, COLORS.red, 'Timeout', 'no answer in time; dimmed after 5 in a row'),
  sample('rate-limited', GLYPHS.kaboom, COLORS.yellow, 'Service overwhelmed', 'rate limited (429)'),
  sample('color-error', GLYPHS.grinning, COLORS.grey, 'Color service error', 'color failed: grey instead'),
  sample('smiley-error', GLYPHS.cursing, COLORS.green, 'Smiley service error', 'smiley failed: cursing instead'),
];

/** The key: one sample cell per state, with what it means. */
@customElement('faces-key')
export class FacesKey extends LitElement {
  static override styles = css`
    :host {
      display: block;
      --cell-size: 3rem;
    }
    h2 {
      margin: 0 0 0.75rem;
      font: 600 0.8rem/1 system-ui, sans-serif;
      letter-spacing: 0.08em;
      text-transform: uppercase;
      color: #6b7280;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.6rem;
    }
    li {
      display: grid;
      grid-template-columns: var(--cell-size) 1fr;
      align-items: center;
      gap: 0.75rem;
    }
    .label {
      font: 600 1rem/1.2 system-ui, sans-serif;
      color: #1f2937;
    }
    .hint {
      display: block;
      font: 400 0.8rem/1.3 system-ui, sans-serif;
      color: #6b7280;
    }
    .slow {
      width: var(--cell-size);
      height: var(--cell-size);
      border: 2px dashed #8a8f99;
      border-radius: calc(var(--cell-size) * 0.18);
      box-sizing: border-box;
    }
  `;

  override render() {
    return html`<h2>Key</h2>
      <ul>
        ${SAMPLES.map(
          ({ view, label, hint }) =>
            html`<li><faces-cell .view=${view}></faces-cell><span class="label">${label}<span class="hint">${hint}</span></span></li>`,
        )}
        <li>
          <div class="slow"></div>
          <span class="label">Slow service<span class="hint">fades out after 2 s without an answer</span></span>
        </li>
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'faces-key': FacesKey;
  }
}
