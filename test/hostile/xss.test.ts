import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'undici';
import { openBrowser } from '../helpers/browser.js';
import { waitForPage, waitUntil } from '../helpers/grid.js';
import { type RunningService, startFaces } from '../helpers/processes.js';
import { type FakeFace, startFakeFace } from './fake-peers.js';

/** Each payload sets window.__pwned (or opens a dialog) if it ever runs, and leaves an element if it is ever markup. */
const MARKUP = {
  user: `</script><img src=x onerror="window.__pwned='user'">`,
  field: `"><svg onload="window.__pwned='field'"></svg>`,
  smiley: `<img src=x onerror="window.__pwned='smiley'">`,
  color: `red"><script>window.__pwned='color'</script>`,
  error: `smiley: <iframe srcdoc="<script>parent.__pwned='error'</script>"></iframe>`,
  failure: `<img src=x onerror=alert('failure')>`,
  pod: `<img src=x onerror=alert('pod')>`,
};

/** The center cell of a 3×3 grid gets a 200 whose every field is markup, the edge cells a 500 with markup. */
function fakeAnswer(url: string) {
  const headers = { 'x-faces-pod': MARKUP.pod };
  if (url.startsWith('/face/center/')) {
    return {
      status: 200,
      headers,
      body: JSON.stringify({ smiley: MARKUP.smiley, color: MARKUP.color, errors: [MARKUP.error] }),
    };
  }
  return { status: 500, headers, body: JSON.stringify({ errors: [MARKUP.failure] }) };
}

/** Evaluated in the page: injected elements and inline handlers anywhere, open shadow roots included. */
const INJECTED = `(() => {
  const found = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (['img', 'svg', 'iframe', 'object', 'embed'].includes(tag)) found.push(tag);
      if (tag === 'script' && element.id !== 'faces-config' && element.type !== 'module') found.push('script');
      for (const attribute of element.attributes) if (attribute.name.startsWith('on')) found.push(tag + '[' + attribute.name + ']');
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(document);
  return found;
})()`;

const CELLS = `[...(document.querySelector('faces-app')?.shadowRoot?.querySelectorAll('.grid faces-cell') ?? [])].map((cell) => {
  const face = cell.shadowRoot.querySelector('.face');
  return { state: cell.getAttribute('state'), smiley: face.querySelector('.smiley').textContent, title: face.getAttribute('title'), pod: face.querySelector('.pod')?.textContent ?? '' };
})`;
const STATUS_USER = `document.querySelector('faces-app')?.shadowRoot?.querySelector('.status b')?.textContent`;

interface Cell {
  state: string;
  smiley: string;
  title: string;
  pod: string;
}

async function rawGet(base: string, path: string, headers: Record<string, string> = {}) {
  const client = new Client(base);
  const response = await client.request({ method: 'GET', path, headers }).finally(() => client.close());
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

describe('markup in requests and in face answers stays data', () => {
  let face: FakeFace;
  let gui: RunningService;
  before(async () => {
    face = await startFakeFace(fakeAnswer);
    gui = await startFaces(['gui'], { FACE_SERVICE: face.address, NUM_ROWS: '3', NUM_COLS: '3', SHOW_PODS: 'true' });
  });
  after(async () => {
    await gui?.stop();
    await face?.close();
  });

  const SMILEY_IN_URL = MARKUP.smiley.replaceAll(' ', '%20');
  const REFLECTIONS: readonly { name: string; path: string; headers: Record<string, string>; sent: string }[] = [
    { name: 'a user header', path: '/', headers: { 'x-faces-user': MARKUP.user }, sent: MARKUP.user },
    { name: 'a query', path: `/?q=${MARKUP.color}`, headers: {}, sent: MARKUP.color },
    { name: 'a query on /index.html', path: `/index.html?${SMILEY_IN_URL}`, headers: {}, sent: SMILEY_IN_URL },
    { name: 'near-miss: a plain page', path: '/', headers: {}, sent: MARKUP.user },
  ];
  for (const { name, path, headers, sent } of REFLECTIONS) {
    it(`the page reflects no markup from ${name}`, async () => {
      const page = await rawGet(gui.url, path, headers);
      assert.equal(page.status, 200);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.ok(!page.body.includes(sent), `${path}: ${page.body}`);
      assert.equal((page.body.match(/<script/g) ?? []).length, 2, `only the island and the app's module: ${page.body}`);
      assert.equal((page.body.match(/<img|<svg|<iframe/g) ?? []).length, 0, page.body);
    });
  }

  it("the 404's echo of a markup path is JSON, not HTML, and not sniffed", async () => {
    const answer = await rawGet(gui.url, `/${SMILEY_IN_URL}`);
    assert.equal(answer.status, 404);
    assert.match(String(answer.headers['content-type']), /^application\/json/);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    assert.equal((JSON.parse(answer.body) as { path: string }).path, `/${SMILEY_IN_URL}`);
  });

  it('in chromium, a markup user, user field, path and face answers render as text and never run', async (t) => {
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page } = browser;
    // The markup user on page loads only: the app's own requests carry the User field's value.
    await page.route('**/*', (route) => {
      const sent = route.request();
      const headers = sent.isNavigationRequest() ? { ...sent.headers(), 'x-faces-user': MARKUP.user } : sent.headers();
      return route.continue({ headers });
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const pwned = async () => page.evaluate('window.__pwned');

    await page.goto(`${gui.url}/%3Cimg%20src=x%20onerror=alert('path')%3E?q=%3Cscript%3Ealert('query')%3C/script%3E`);
    assert.deepEqual(await page.evaluate(INJECTED), [], 'the 404 page');

    await page.goto(`${gui.url}/?q=${encodeURIComponent(MARKUP.color)}`);
    await waitForPage(
      page,
      `(() => { const cells = ${CELLS}; return cells.length === 9 && cells.every((cell) => cell.state !== 'idle' && cell.pod !== ''); })()`,
      'every cell to show an answer and its pod',
      20_000,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await page.evaluate(CELLS))}; ${browser.errors.join('; ')}`);
    });
    const cells = (await page.evaluate(CELLS)) as Cell[];
    const center = cells[4];
    assert.equal(center?.state, 'smiley-error');
    assert.equal(center?.smiley, MARKUP.smiley, 'the smiley is shown as text');
    assert.ok(center?.title.includes(MARKUP.error), `the error is shown as text: ${center?.title}`);
    assert.ok(
      cells.every((cell, index) => index === 4 || cell.title.includes(MARKUP.failure)),
      JSON.stringify(cells),
    );
    assert.ok(
      cells.every((cell) => cell.pod === MARKUP.pod),
      'the pod is shown as text',
    );
    assert.equal(await page.evaluate(STATUS_USER), MARKUP.user);

    const input = page.locator('faces-controls input#user');
    await input.fill(MARKUP.field);
    await input.press('Enter');
    await waitForPage(page, `${STATUS_USER} === ${JSON.stringify(MARKUP.field)}`, 'the status to show the new user');
    await waitUntil(() => face.users.includes(MARKUP.field), 'face to be asked as the new user', 10_000);

    assert.deepEqual(await page.evaluate(INJECTED), []);
    assert.equal(await pwned(), undefined);
    assert.deepEqual(dialogs, []);
  });
});
