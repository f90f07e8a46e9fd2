import { isDeepStrictEqual } from 'node:util';
import { parseYamlDocs } from './yaml-docs.js';

export const MAX_LINE = 160;

/**
 * Our YAML rules, beyond a strict parse (no duplicate keys, no syntax warnings):
 * - the file means the same to YAML 1.1 readers (Kubernetes' go-yaml, docker compose v1) as to
 *   YAML 1.2 ones: catches unquoted yes/no/on/off, 0755-style octals and 1:30-style numbers;
 * - no tabs, no trailing spaces, no CRLF, one final newline, indentation in steps of two,
 *   lines of at most MAX_LINE characters;
 * - a stream of several documents starts with `---`, so documents can be added and moved safely.
 * Returns one message per problem, `file:line: rule`.
 */
export function lintYaml(text: string, file: string): string[] {
  const problems: string[] = [];
  let docs12: unknown[];
  try {
    docs12 = parseYamlDocs(text, file);
  } catch (error) {
    return [`${file}: ${error instanceof Error ? error.message : String(error)}`];
  }
  try {
    const docs11 = parseYamlDocs(text, file, { version: '1.1' });
    if (!isDeepStrictEqual(docs11, docs12))
      problems.push(`${file}: YAML 1.1 and 1.2 readers disagree (quote the value)`);
  } catch (error) {
    problems.push(`${file}: YAML 1.1: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text.includes('\r')) problems.push(`${file}: CRLF line ends`);
  if (!text.endsWith('\n') || text.endsWith('\n\n')) problems.push(`${file}: must end with exactly one newline`);
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (line.includes('\t')) problems.push(`${where}: tab`);
    if (/[ \t]+$/.test(line)) problems.push(`${where}: trailing whitespace`);
    if (line.length > MAX_LINE) problems.push(`${where}: longer than ${MAX_LINE} characters`);
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (indent % 2 !== 0 && line.trim() !== '' && !line.trimStart().startsWith('#')) {
      problems.push(`${where}: indentation of ${indent} (use steps of two)`);
    }
  });
  if (docs12.length > 1) {
    const first = lines.find((line) => line.trim() !== '' && !line.startsWith('#'));
    if (first !== '---') problems.push(`${file}: a stream of ${docs12.length} documents must start with ---`);
  }
  return problems;
}
