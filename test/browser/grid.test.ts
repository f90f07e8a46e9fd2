import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openBrowser } from '../helpers/browser.js';
import { cellFaces, waitForAllCells, waitForPage, waitUntil } from '../helpers/grid.js';
import { type Stack, startStack } from '../helpers/stack.js';

const RESULTS = fileURLToPath(new URL('../../../test-results/', import.meta.url));
const GRINNING = '\u{1F603}';
const GREEN = '#228833';
const LIGHTCYAN = 'rgb(224, 255, 255)';
const XSS = '<img src=x onerror=alert(1)>';

describe('the GUI in chromium, healthy Faces', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({
      recordSmiley: true,
      face: { HOSTNAME: 'face-5f7d8c9b6d-x2x4z' },
      gui: { COLOR_testuser: 'lightcyan' },
    });
  });
  after(() => stack.stop());

  it('fills every cell with a grinning smiley on green, with no console or CSP errors', async (t) => {
    const browser = await openBrowser();
    t.after(() => browser.close());
    const started = performance.now();
    await browser.page.goto(`${stack.gui.url}/`);
    await waitForAllCells(browser.page, 'success');
    t.diagnostic(`all 16 cells showed a face ${Math.round(performance.now() - started)} ms after navigation started`);
    const faces = await cellFaces(browser.page);
    assert.deepEqual(new Set(faces.map((face) => face.smiley)), new Set([GRINNING]));
    assert.deepEqual(new Set(faces.map((face) => face.background)), new Set([GREEN]));
    await mkdir(RESULTS, { recursive: true });
    await browser.page.screenshot({ path: `${RESULTS}gui-healthy.png`, fullPage: true });
    assert.deepEqual(browser.errors, []);
  });

  it('does not run markup sent as X-Faces-User, and shows it as the user name', async (t) => {
    const browser = await openBrowser({ headers: { 'X-Faces-User': XSS } });
    t.after(() => browser.close());
    const dialogs: string[] = [];
    browser.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await browser.page.goto(`${stack.gui.url}/`);
    await waitForAllCells(browser.page, 'success');
    assert.equal(await browser.page.locator('faces-controls input#user').inputValue(), XSS);
    const images = await browser.page.evaluate(
      `document.querySelectorAll('img').length + document.querySelector('faces-app').shadowRoot.querySelectorAll('img').length`,
    );
    assert.equal(images, 0);
    assert.deepEqual(dialogs, []);
  });

  it('switches the background and the X-Faces-User the backends see when testuser is entered', async (t) => {
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page } = browser;
    await page.goto(`${stack.gui.url}/`);
    await waitForAllCells(page, 'success');
    assert.equal(await page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(255, 255, 255)');
    const recorder = stack.smileyRecorder;
    assert.ok(recorder !== undefined);
    assert.ok(recorder.seen.some((headers) => headers['x-faces-user'] === 'unknown'));
    const before = recorder.seen.length;

    const input = page.locator('faces-controls input#user');
    await input.fill('testuser');
    await input.press('Enter');
    await waitForPage(page, `getComputedStyle(document.body).backgroundColor === '${LIGHTCYAN}'`, 'a lightcyan page');
    await waitUntil(
      () => recorder.seen.slice(before).some((headers) => headers['x-faces-user'] === 'testuser'),
      'smiley to see X-Faces-User: testuser',
    );
  });

  it('sends no more requests after Stop, and starts again on Start', async (t) => {
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page } = browser;
    // Notes when each request to face starts, in the page's own clock, so "after Stop" is exact.
    await page.addInitScript(`{
      const original = window.fetch;
      window.__faceFetches = [];
      window.fetch = (input, init) => {
        if (String(input).includes('face/')) window.__faceFetches.push(performance.now());
        return original(input, init);
      };
    }`);
    await page.goto(`${stack.gui.url}/`);
    await waitForAllCells(page, 'success');
    const toggle = `document.querySelector('faces-app').shadowRoot.querySelector('faces-controls').shadowRoot.querySelector('#toggle')`;
    // Stop takes effect within the click: timers cleared and requests in flight aborted.
    const stoppedAt = (await page.evaluate(
      `(() => { const at = performance.now(); ${toggle}.click(); return at; })()`,
    )) as number;
    assert.equal(await page.evaluate(`${toggle}.textContent.trim()`), 'Start');
    const startedSince = `window.__faceFetches.filter((at) => at > ${stoppedAt}).length`;
    // Watching for an absence: two polling periods (2 s each) in which no request may start.
    await page.waitForTimeout(4500);
    assert.equal(await page.evaluate(startedSince), 0, 'requests were sent after Stop');
    await page.evaluate(`${toggle}.click()`);
    await waitForPage(page, `${startedSince} > 0`, 'a request after Start', 15_000);
  });

  it('shows which pod answered each cell, with a tally per pod, on Show pods', async (t) => {
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page } = browser;
    await page.goto(`${stack.gui.url}/`);
    await waitForAllCells(page, 'success');
    await page.locator('faces-controls #pods').click();
    const app = `document.querySelector('faces-app').shadowRoot`;
    await waitForPage(
      page,
      `[...${app}.querySelectorAll('.grid faces-cell')].every((cell) => cell.shadowRoot.querySelector('.pod')?.textContent === 'face-x2x4z')`,
      'every cell to name its pod',
    );
    const tally = (await page.evaluate(
      `${app}.querySelector('faces-pods').shadowRoot.querySelector('.pod[data-pod="face-x2x4z"]')?.textContent ?? ''`,
    )) as string;
    assert.match(tally, /\d+ answers/);
  });
});
