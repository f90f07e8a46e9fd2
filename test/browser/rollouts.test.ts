import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { renderBodies, withStatus } from '../helpers/argo-notifications.js';
import { openBrowser } from '../helpers/browser.js';
import { FAILED_ROLLOUT, flaggerEvent, postEvent, SUCCEEDED_ROLLOUT } from '../helpers/flagger-events.js';
import { waitForAllCells, waitForPage } from '../helpers/grid.js';
import { renderChart } from '../helpers/helm.js';
import { find } from '../helpers/manifests.js';
import { startFaces } from '../helpers/processes.js';
import { startStack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait-until.js';

/** In the page: each banner's tone, title, phase, weight text, bar, message and border colour. */
const BANNERS = `[...(document.querySelector('faces-app')?.shadowRoot?.querySelector('faces-rollouts')?.shadowRoot?.querySelectorAll('faces-rollout') ?? [])].map((el) => {
  const root = el.shadowRoot;
  const text = (selector) => root.querySelector(selector)?.textContent ?? null;
  const bar = root.querySelector('progress');
  return {
    tone: el.getAttribute('tone'),
    title: text('.title'),
    phase: text('.phase'),
    weight: text('.weight'),
    bar: bar === null ? null : [bar.value, bar.max],
    message: text('.message'),
    border: getComputedStyle(root.querySelector('.banner')).borderLeftColor,
    images: root.querySelectorAll('img, b').length,
  };
})`;

interface Banner {
  tone: string;
  title: string;
  phase: string;
  weight: string | null;
  bar: [number, number] | null;
  message: string;
  border: string;
  images: number;
}

async function banners(page: Page): Promise<Banner[]> {
  return (await page.evaluate(BANNERS)) as Banner[];
}

/** Waits until the banner titled `title` satisfies `holds`; the failure names what was seen. */
async function waitForBanner(
  page: Page,
  title: string,
  holds: (banner: Banner) => boolean,
  what: string,
): Promise<Banner> {
  const matches = (banner: Banner) => banner.title === title && holds(banner);
  const seen = await waitUntil(
    `${title} ${what}`,
    () => banners(page),
    (all) => all.some(matches),
    10_000,
    50,
  );
  return seen.find(matches) as Banner;
}

/** Waits until the page shows its banner area (faces-rollouts). */
function waitForBannerArea(page: Page): Promise<void> {
  return waitForPage(
    page,
    `!!document.querySelector('faces-app').shadowRoot.querySelector('faces-rollouts')`,
    'the banners',
  );
}

const RED = 'rgb(238, 102, 119)';
const GREEN = 'rgb(34, 136, 51)';
const BLUE = 'rgb(68, 119, 170)';

describe('the GUI in chromium, Flagger rollouts', () => {
  it('shows a failed rollout in red and a promoted one in green, weights and messages as text', async (t) => {
    const stack = await startStack();
    t.after(() => stack.stop());
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page } = browser;
    await page.goto(`${stack.gui.url}/`);
    await waitForAllCells(page, 'success');
    await waitForBannerArea(page);

    const [initializing, ...rest] = FAILED_ROLLOUT;
    assert.equal(await postEvent(stack.gui.url, initializing), 202);
    await waitForBanner(page, 'face.faces', (b) => b.phase === 'Initializing' && b.tone === 'waiting', 'Initializing');
    for (const event of rest.slice(0, 5)) assert.equal(await postEvent(stack.gui.url, event), 202);
    const at15 = await waitForBanner(page, 'face.faces', (b) => b.weight === 'weight 15 % of 50 %', 'at 15 %');
    assert.deepEqual([at15.phase, at15.tone, at15.bar, at15.border], ['Progressing', 'live', [15, 50], BLUE]);
    for (const event of rest.slice(5)) assert.equal(await postEvent(stack.gui.url, event), 202);
    const failed = await waitForBanner(page, 'face.faces', (b) => b.phase === 'Failed', 'Failed');
    assert.deepEqual(
      [failed.tone, failed.border, failed.weight, failed.message],
      ['failed', RED, 'weight 15 % of 50 %', 'Rolling back face.faces failed checks threshold reached 3'],
    );
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/gui-rollout-failed.png' });

    for (const event of SUCCEEDED_ROLLOUT) assert.equal(await postEvent(stack.gui.url, event), 202);
    const promoted = await waitForBanner(page, 'smiley.faces', (b) => b.phase === 'Succeeded', 'Succeeded');
    assert.deepEqual(
      [promoted.tone, promoted.border, promoted.bar, promoted.message],
      ['succeeded', GREEN, [50, 50], 'Promotion completed! Scaling down smiley.faces'],
    );
    assert.deepEqual(
      (await banners(page)).map((b) => b.title),
      ['smiley.faces', 'face.faces'],
      'newest first',
    );
    await page.screenshot({ path: 'test-results/gui-rollout-succeeded.png' });

    const markup = '<img src=x onerror="window.__pwned = 1"><b>bold</b> &amp; </p><script>window.__pwned = 2</script>';
    assert.equal(await postEvent(stack.gui.url, flaggerEvent('color', 'Progressing', markup)), 202);
    const shown = await waitForBanner(page, 'color.faces', () => true, 'with markup');
    assert.equal(shown.message, markup, 'the markup is shown as its characters');
    assert.equal(shown.images, 0, 'no element came of it');
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.deepEqual(browser.errors, []);
  });

  it('gets the banners again after the GUI restarts (the page reconnects by itself)', async (t) => {
    const env = { FACES_SEED: '42', FACE_SERVICE: '127.0.0.1:9', START_ACTIVE: 'false' };
    let gui = await startFaces(['gui'], env);
    const port = gui.port;
    t.after(() => gui.stop());
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page } = browser;
    await page.goto(`${gui.url}/`);
    await waitForBannerArea(page);
    assert.equal(
      await postEvent(gui.url, flaggerEvent('face', 'Progressing', 'Advance face.faces canary weight 5')),
      202,
    );
    await waitForBanner(page, 'face.faces', (b) => b.weight === 'weight 5 % of 50 %', 'before the restart');

    assert.equal(await gui.stop(), 0, 'the open stream did not hold the shutdown up');
    gui = await startFaces(['gui'], { ...env, PORT: String(port) });
    // The new GUI remembers nothing; the page shows what it pushes once it has reconnected.
    let status = 0;
    await waitUntil(
      'the reconnected page to show an event posted to the new GUI',
      async () => {
        status = await postEvent(gui.url, flaggerEvent('face', 'Progressing', 'Advance face.faces canary weight 10'));
        return (await banners(page)).find((b) => b.title === 'face.faces')?.weight ?? null;
      },
      (weight) => weight === 'weight 10 % of 50 %',
      20_000,
      250,
    );
    assert.equal(status, 202);
    await waitForBanner(page, 'face.faces', (b) => b.weight === 'weight 10 % of 50 %', 'after the restart');
  });

  it("shows Argo Rollouts' notifications (our templates' bodies): the weight, or the step, then promoted", async (t) => {
    const gui = await startFaces(['gui'], { FACE_SERVICE: '127.0.0.1:9', START_ACTIVE: 'false' });
    t.after(() => gui.stop());
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page } = browser;
    await page.goto(`${gui.url}/`);
    await waitForBannerArea(page);
    const routed = find(renderChart(['--set', 'rollouts.enabled=true']), 'Rollout', 'smiley');
    const weights = { canary: { weight: 20 }, stable: { weight: 80 } };
    const step = renderBodies(withStatus(routed, { phase: 'Progressing', currentStepIndex: 3, canary: { weights } }));
    assert.equal(await postEvent(gui.url, JSON.parse(step['on-rollout-step-completed'] ?? '')), 202);
    const at20 = await waitForBanner(page, 'smiley.faces', (b) => b.weight === 'weight 20 % of 100 %', 'at 20 %');
    assert.deepEqual(
      [at20.phase, at20.tone, at20.bar, at20.message],
      ['Progressing', 'live', [20, 100], 'Canary step completed'],
    );

    const plain = find(
      renderChart(['--set', 'rollouts.enabled=true', '--set', 'rollouts.canary.trafficRouting.plugin.name=']),
      'Rollout',
      'face',
    );
    const bodies = renderBodies(withStatus(plain, { phase: 'Progressing', currentStepIndex: 4 }));
    assert.equal(await postEvent(gui.url, JSON.parse(bodies['on-rollout-step-completed'] ?? '')), 202);
    const stepped = await waitForBanner(page, 'face.faces', (b) => b.weight === 'step 4 of 9', 'step 4');
    assert.deepEqual(stepped.bar, [4, 9]);
    assert.equal(await postEvent(gui.url, JSON.parse(bodies['on-rollout-completed'] ?? '')), 202);
    const done = await waitForBanner(page, 'face.faces', (b) => b.phase === 'Succeeded', 'Succeeded');
    assert.deepEqual([done.tone, done.border, done.bar], ['succeeded', GREEN, [9, 9]]);
    assert.deepEqual(browser.errors, []);
  });

  it('shows no banners, and opens no stream, with SHOW_ROLLOUTS=false', async (t) => {
    const gui = await startFaces(['gui'], {
      FACE_SERVICE: '127.0.0.1:9',
      START_ACTIVE: 'false',
      SHOW_ROLLOUTS: 'false',
    });
    t.after(() => gui.stop());
    const browser = await openBrowser();
    t.after(() => browser.close());
    const streams: string[] = [];
    browser.page.on('request', (request) => {
      if (request.url().includes('events/stream')) streams.push(request.url());
    });
    await browser.page.goto(`${gui.url}/`);
    await browser.page.locator('faces-controls #toggle').waitFor();
    assert.equal(await postEvent(gui.url, FAILED_ROLLOUT[5]), 202, 'Flagger is still answered');
    assert.equal(await browser.page.locator('faces-rollouts').count(), 0);
    assert.deepEqual(streams, []);
  });
});
