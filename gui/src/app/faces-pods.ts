import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import './faces-cell.js';
import type { CellView } from './cell-state.js';

export interface PodTally {
  readonly label: string;
  readonly answers: number;
  readonly failures: number;
  readonly last: CellView;
  readonly lastSeen: number;
}

/** The pods that answered (from X-Faces-Pod), each with its tally and its last face. */
@customElement('faces-pods')
export class FacesPods extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-width: 11rem;
      --cell-size: 2.5rem;
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
      gap: 0.5rem;
    }
    li {
      display: grid;
      grid-template-columns: 2.5rem 1fr;
      gap: 0.6rem;
      align-items: center;
      font: 400 0.85rem/1.3 system-ui, sans-serif;
      color: #1f2937;
    }
    .name {
      font-weight: 600;
      font-family: ui-monospace, monospace;
      word-break: break-all;
    }
    .empty {
      color: #6b7280;
      font: 400 0.85rem/1.3 system-ui, sans-serif;
    }
  `;

  @property({ attribute: false }) pods: readonly PodTally[] = [];

  override render() {
    return html`<h2>Pods</h2>
      ${
        this.pods.length === 0
          ? html`<p class="empty">No pod has answered yet.</p>`
          : html`<ul>
            ${this.pods.map(
              (pod) => html`<li class="pod" data-pod=${pod.label}>
                <faces-cell .view=${pod.last}></faces-cell>
                <span><span class="name">${pod.label}</span><br />${pod.answers} answers${pod.failures > 0 ? html`, ${pod.failures} failed` : ''}</span>
              </li>`,
            )}
          </ul>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'faces-pods': FacesPods;
  }
}
