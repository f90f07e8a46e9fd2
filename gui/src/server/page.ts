import type { PageConfig } from '../app/page-config-shape.js';
import type { GuiConfig } from './config.js';

export type { PageConfig };

export function pageConfigFor(config: GuiConfig, user: string): PageConfig {
  return { ...config.page, user, color: config.userColors.get(user) ?? config.color };
}

const ISLAND_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON safe to put inside a <script type="application/json">: no `<` can close the element, so a
 * user name such as `</script><img onerror=…>` stays data.
 */
export function islandJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => ISLAND_ESCAPES[char] ?? char);
}

/** The marker in the built index.html that the config island replaces. */
export const ISLAND_MARKER = '<!--faces-config-->';

/** The built index.html, split once at start around the island. */
export class PageTemplate {
  private readonly before: string;
  private readonly after: string;

  constructor(html: string) {
    const at = html.indexOf(ISLAND_MARKER);
    if (at === -1) throw new Error(`index.html has no ${ISLAND_MARKER} marker: was it built from gui/index.html?`);
    this.before = html.slice(0, at);
    this.after = html.slice(at + ISLAND_MARKER.length);
  }

  render(config: PageConfig): string {
    return `${this.before}<script id="faces-config" type="application/json">${islandJson(config)}</script>${this.after}`;
  }
}

/** Content-Security-Policy for the app: its own scripts, styles and requests only, no inline code. */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page an injected GUI fault answers with: static, so nothing of the request reaches it. */
export const ERROR_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Faces: GUI error</title>
<style>
body{margin:0;min-height:100vh;display:grid;place-items:center;font-family:system-ui,sans-serif;background:#EE6677;color:#222}
main{text-align:center}
.face{font-size:min(40vw,12rem);line-height:1;font-family:'Noto Color Emoji','Apple Color Emoji','Segoe UI Emoji',sans-serif}
</style>
</head>
<body><main><div class="face" role="img" aria-label="screaming face">&#x1F631;</div>
<h1>The Faces GUI failed this request</h1><p>A fault injected on purpose (ERROR_FRACTION, LATCH_FRACTION or MAX_RATE on the GUI). Reload to try again.</p></main></body>
</html>
`;

/** The error page carries its own inline style, so it gets its own, equally closed, policy. */
export const ERROR_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";
