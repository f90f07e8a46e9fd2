import type { Page } from 'playwright-core';
import { waitUntil as pollUntil } from './wait-until.js';

/** Evaluated in the page: the `state` of every grid cell, in order (the key's samples excluded). */
const CELL_STATES = `[...(document.querySelector('faces-app')?.shadowRoot?.querySelectorAll('.grid faces-cell') ?? [])].map((cell) => cell.getAttribute('state'))`;

/**
 * Waits until `expression` (evaluated in the page) is true. Polled from here: the page's CSP
 * forbids the eval that Playwright's waitForFunction uses for string predicates.
 */
export async function waitForPage(page: Page, expression: string, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    last = await page.evaluate(expression);
    if (last === true) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the grid has `count` cells and every one is in `state`. */
export async function waitForAllCells(page: Page, state: string, count = 16, timeoutMs = 30_000): Promise<void> {
  const expression = `(() => { const states = ${CELL_STATES}; return states.length === ${count} && states.every((s) => s === ${JSON.stringify(state)}); })()`;
  try {
    await waitForPage(page, expression, `all ${count} cells to be ${state}`, timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}; cells: ${JSON.stringify(await cellStates(page))}`);
  }
}

export async function cellStates(page: Page): Promise<string[]> {
  return (await page.evaluate(CELL_STATES)) as string[];
}

/** The smiley text and background color (as the cell was told, before any transition) of every grid cell. */
export async function cellFaces(page: Page): Promise<{ smiley: string; background: string }[]> {
  return (await page.evaluate(`[...document.querySelector('faces-app').shadowRoot.querySelectorAll('.grid faces-cell')].map((cell) => {
    const face = cell.shadowRoot.querySelector('.face');
    return { smiley: face.querySelector('.smiley').textContent, background: cell.style.getPropertyValue('--face-color') };
  })`)) as { smiley: string; background: string }[];
}

/** Polls a condition in the test process (for things the page cannot see) with a bound. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  await pollUntil(
    what,
    async () => condition(),
    (holds) => holds,
    timeoutMs,
    100,
  );
}
