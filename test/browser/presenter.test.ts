import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openBrowser } from '../helpers/browser.js';
import { waitForAllCells, waitForPage } from '../helpers/grid.js';
import { get } from '../helpers/http.js';
import { startStack } from '../helpers/stack.js';

const TOKEN = 'presenter-browser-token';
const PANEL = `document.querySelector('faces-app').shadowRoot.querySelector('faces-presenter').shadowRoot`;

describe('the GUI in chromium, the presenter panel', () => {
  it('shows nothing without the token; with it, breaks smiley for the current user alone, then mends it', async (t) => {
    const withToken = { CONTROL_TOKEN: TOKEN };
    const stack = await startStack({ smiley: withToken, color: withToken, face: withToken, gui: withToken });
    t.after(() => stack.stop());
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page } = browser;

    await page.goto(`${stack.gui.url}/`);
    await waitForAllCells(page, 'success');
    assert.equal(
      await page.locator('faces-presenter input, faces-presenter form').count(),
      0,
      'nothing without #presenter',
    );
    assert.ok(!(await get(`${stack.gui.url}/`)).body.includes(TOKEN));

    await page.goto(`${stack.gui.url}/#presenter`);
    await page.locator('faces-presenter #token').fill('not-the-token');
    await page.locator('faces-presenter #unlock button').click();
    await page.locator('faces-presenter [role=alert]').waitFor();
    assert.equal(await page.locator('faces-presenter [role=alert]').textContent(), 'the token was refused');
    assert.equal(await page.evaluate(`sessionStorage.length`), 0);

    await page.locator('faces-presenter #token').fill(TOKEN);
    await page.locator('faces-presenter #unlock button').click();
    await page.locator('faces-presenter #faults').waitFor();
    assert.equal(await page.evaluate(`sessionStorage.getItem('faces-presenter-token')`), TOKEN);

    await page.locator('faces-controls #user').fill('testuser');
    await page.locator('faces-controls #user').press('Enter');
    await waitForPage(
      page,
      `${PANEL}.querySelector('#now')?.textContent.includes("testuser's")`,
      'the panel for testuser',
    );
    await page.locator('faces-presenter #service').selectOption('smiley');
    await page.locator('faces-presenter #error-fraction').fill('100');
    await page.locator('faces-presenter #apply').click();
    await waitForPage(
      page,
      `${PANEL}.querySelector('#now')?.textContent === "smiley fails 100 % of testuser's requests"`,
      'the panel to say so',
    );
    await waitForAllCells(page, 'smiley-error');

    const smiley = JSON.parse(
      (await get(`${stack.smiley.url}/faults`, { headers: { authorization: `Bearer ${TOKEN}` } })).body,
    );
    assert.equal(smiley.users.testuser.errorFraction, 100);
    assert.equal(smiley.base.errorFraction, 0, 'everyone else is untouched');
    assert.deepEqual(JSON.parse((await get(`${stack.gui.url}/face/center/`)).body).errors, []);

    await page.locator('faces-presenter #clear').click();
    await waitForAllCells(page, 'success');

    await page.goto(`${stack.gui.url}/`);
    await page.locator('faces-presenter #faults').waitFor();
    await page.locator('faces-presenter #lock').click();
    assert.equal(await page.locator('faces-presenter form').count(), 0);
    assert.equal(await page.evaluate(`sessionStorage.length`), 0);
    // The wrong token's 403 is the one failed load chromium reports; nothing else went wrong.
    assert.deepEqual(
      browser.errors.filter((error) => !error.includes('status of 403')),
      [],
    );
  });
});
