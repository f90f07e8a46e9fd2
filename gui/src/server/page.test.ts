import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ISLAND_MARKER, islandJson, PageTemplate } from './page.js';

describe('islandJson', () => {
  const payloads = [
    '<img src=x onerror=alert(1)>',
    '</script><script>alert(1)</script>',
    '<!--',
    'a&b',
    'line\u2028separator',
  ];
  for (const payload of payloads) {
    it(`keeps ${JSON.stringify(payload)} as data that round-trips and cannot close the script element`, () => {
      const json = islandJson({ user: payload });
      assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
      assert.deepEqual(JSON.parse(json), { user: payload });
    });
  }
});

describe('PageTemplate', () => {
  it('puts the config in a JSON island where the marker was', () => {
    const page = new PageTemplate(`<head>${ISLAND_MARKER}</head>`);
    const html = page.render({
      user: '</script>',
      color: 'white',
      hideKey: false,
      showPods: false,
      numRows: 4,
      numCols: 4,
      edgeSize: 1,
      startActive: true,
      cellTimeoutMs: 6000,
      showRollouts: true,
    });
    assert.match(html, /^<head><script id="faces-config" type="application\/json">\{.*\}<\/script><\/head>$/);
    assert.equal(html.split('</script>').length, 2);
  });

  it('refuses an index.html without the marker', () => {
    assert.throws(() => new PageTemplate('<head></head>'), /marker/);
  });
});
