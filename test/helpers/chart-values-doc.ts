import { isMap, isScalar, type Node, type Pair, parseDocument } from 'yaml';

/** One documented key of charts/faces/values.yaml: a `# -- text` comment right above it. */
export interface ValueDoc {
  readonly key: string;
  readonly default: string;
  readonly description: string;
}

const MARK = /^ ?-- ?/;

function docComment(comment: string | null | undefined): string | undefined {
  if (comment === null || comment === undefined) return undefined;
  const lines = comment.split('\n');
  const start = lines.findIndex((line) => MARK.test(line));
  if (start < 0) return undefined;
  return lines
    .slice(start)
    .map((line) => line.replace(MARK, '').trim())
    .join(' ')
    .trim();
}

/**
 * Every `# --` key of values.yaml, in file order, and every leaf not covered by one (a leaf is
 * covered by its own comment or an ancestor's). Bounded by the document: no recursion past it.
 */
export function valueDocs(text: string): { docs: ValueDoc[]; undocumented: string[] } {
  const doc = parseDocument(text);
  const docs: ValueDoc[] = [];
  const undocumented: string[] = [];
  const walk = (node: unknown, path: string, covered: boolean, firstComment: string | undefined): void => {
    if (!isMap(node)) {
      if (!covered) undocumented.push(path);
      return;
    }
    node.items.forEach((pair: Pair, i: number) => {
      const keyNode = pair.key as Node;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const full = path === '' ? key : `${path}.${key}`;
      // yaml puts the comment above a map's first key on the map itself.
      const comment = docComment(keyNode.commentBefore ?? (i === 0 ? firstComment : undefined));
      const value = pair.value as Node | null;
      if (comment !== undefined) {
        docs.push({
          key: full,
          default: JSON.stringify(value === null ? null : (value as Node).toJSON()),
          description: comment,
        });
      }
      const isLeafMap = isMap(value) && value.items.length === 0;
      if (isMap(value) && !isLeafMap)
        walk(value, full, covered || comment !== undefined, value.commentBefore ?? undefined);
      else if (!covered && comment === undefined) undocumented.push(full);
    });
  };
  walk(doc.contents, '', false, undefined);
  return { docs, undocumented };
}

/** The README's values table, one row per documented key. */
export function valuesTable(docs: readonly ValueDoc[]): string {
  const rows = docs.map(
    (d) => `| \`${d.key}\` | \`${d.default.replaceAll('|', '\\|')}\` | ${d.description.replaceAll('|', '\\|')} |`,
  );
  return ['| key | default | description |', '| --- | --- | --- |', ...rows].join('\n');
}
