import { parseAllDocuments } from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ParseOptions {
  /** YAML 1.2 core (what the `yaml` package reads) or 1.1 (what Kubernetes' go-yaml reads). */
  readonly version?: '1.1' | '1.2';
}

/**
 * Every document in a YAML stream, parsed strictly: duplicate keys, syntax errors and warnings all
 * throw, naming the source. Empty documents (a stream that starts with `---`) are dropped.
 */
export function parseYamlDocs(text: string, source: string, options: ParseOptions = {}): Json[] {
  const docs = parseAllDocuments(text, {
    uniqueKeys: true,
    strict: true,
    prettyErrors: true,
    merge: true,
    version: options.version ?? '1.2',
  });
  if (!Array.isArray(docs)) throw new Error(`${source}: not a YAML stream`);
  const out: Json[] = [];
  for (const doc of docs) {
    const problems = [...doc.errors, ...doc.warnings];
    if (problems.length > 0) throw new Error(`${source}: ${problems.map((p) => p.message).join('\n')}`);
    if (doc.contents === null) continue;
    out.push(doc.toJS() as Json);
  }
  return out;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a path of keys and indexes; undefined where it leaves the document. */
export function at(value: Json | undefined, ...path: (string | number)[]): Json | undefined {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = isObject(current) ? current[key] : undefined;
  }
  return current;
}

/** For near-miss tests that edit arbitrary nested fields of a copied document. */
// biome-ignore lint/suspicious/noExplicitAny: the edits are one-liners on known shapes, checked by the assertions
export type Loose = Record<string, any>;
