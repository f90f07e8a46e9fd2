/**
 * Ignore files as Docker (.dockerignore) and Flux (a GitRepository's `ignore`, gitignore syntax)
 * read them, for the patterns we use: paths from the root, `*` and `?` within a segment, `**`
 * across segments, `!` to take a path back; the last matching line decides, and a pattern that
 * matches a folder covers everything in it. `anchoredOnly` refuses gitignore's patterns without a
 * leading `/` (they match at any depth, which this reader does not do).
 */
export function ignoreRules(text: string, options: { anchoredOnly?: boolean } = {}): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = negate ? line.slice(1) : line;
      if (options.anchoredOnly && !pattern.startsWith('/')) {
        throw new Error(`ignoreRules: only patterns anchored with / are supported, not ${line}`);
      }
      const source = pattern
        .replace(/^\/+/, '')
        .split('/')
        .map((part) =>
          part === '**'
            ? '.*'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return { negate, re: new RegExp(`^${source}(?:/.*)?$`) };
    });
  return (path) => rules.reduce((ignored, { negate, re }) => (re.test(path) ? !negate : ignored), false);
}
