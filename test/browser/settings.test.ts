import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openBrowser } from '../helpers/browser.js';
import { cellStates, waitForAllCells, waitForPage } from '../helpers/grid.js';
import { startStack } from '../helpers/stack.js';

describe('the GUI in chromium, configured by environment', () => {
  it('lays out NUM_ROWS×NUM_COLS cells, hides the key with HIDE_KEY and waits for Start with START_ACTIVE=false', async (t) => {
    const stack = await startStack({
      gui: { NUM_ROWS: '2', NUM_COLS: '3', HIDE_KEY: 'true', START_ACTIVE: 'false', COLOR: 'lightcyan' },
    });
    t.after(() => stack.stop());
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page } = browser;
    const faceRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/face/')) faceRequests.push(request.url());
    });
    await page.goto(`${stack.gui.url}/`);
    await page.locator('faces-controls #toggle').waitFor();

    assert.deepEqual(await cellStates(page), ['idle', 'idle', 'idle', 'idle', 'idle', 'idle']);
    assert.equal(await page.locator('faces-key').count(), 0);
    assert.equal((await page.locator('faces-controls #toggle').textContent())?.trim(), 'Start');
    await waitForPage(page, `getComputedStyle(document.body).backgroundColor === 'rgb(224, 255, 255)'`, 'COLOR');
    assert.equal(faceRequests.length, 0, 'requests before Start');

    await page.locator('faces-controls #toggle').click();
    await waitForAllCells(page, 'success', 6);
    // With 2 rows and EDGE_SIZE 1 every cell is on the edge.
    assert.ok(faceRequests.every((url) => url.includes('/face/edge/')));
    await page.locator('faces-controls #key').click();
    assert.equal(await page.locator('faces-key').count(), 1);
  });
});
