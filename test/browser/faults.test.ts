import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openBrowser } from '../helpers/browser.js';
import { cellFaces, waitForAllCells } from '../helpers/grid.js';
import { startFaces } from '../helpers/processes.js';
import { startStack } from '../helpers/stack.js';

const CURSING = '\u{1F92C}';

describe('the GUI in chromium, broken Faces', () => {
  it('shows the smiley-error state in every cell when smiley fails every request', async (t) => {
    const stack = await startStack({ smiley: { ERROR_FRACTION: '100' } });
    t.after(() => stack.stop());
    const browser = await openBrowser();
    t.after(() => browser.close());
    await browser.page.goto(`${stack.gui.url}/`);
    await waitForAllCells(browser.page, 'smiley-error');
    const faces = await cellFaces(browser.page);
    assert.deepEqual(new Set(faces.map((face) => face.smiley)), new Set([CURSING]));
  });

  it('shows face errors while face is down, and faces again once it is back', async (t) => {
    const stack = await startStack();
    t.after(() => stack.stop());
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page } = browser;
    await page.goto(`${stack.gui.url}/`);
    await waitForAllCells(page, 'success');

    assert.equal(await stack.face.stop(), 0);
    await waitForAllCells(page, 'face-error');

    stack.face = await startFaces(['face'], stack.faceEnv);
    await waitForAllCells(page, 'success');
  });
});
