import { readRepoFile } from './repo.js';

/** One row of docs/configuration.md's table: the variables it documents and who reads them. */
export interface DocumentedVariable {
  readonly name: string;
  /** `all`, a service name, or `faces` (the command with no argument). */
  readonly who: string;
}

/** Every variable in the configuration reference's table, one entry per variable and reader. */
export function documentedVariables(): DocumentedVariable[] {
  const reference = readRepoFile('docs/configuration.md');
  const out: DocumentedVariable[] = [];
  for (const line of reference.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const [, names, who] = cells;
    if (names === undefined || who === undefined || !names.startsWith('`')) continue;
    // `faces` alone is the command (FACES_SERVICE, the CLI's own variables); else one or more services.
    const readers = who.startsWith('`faces`') ? ['faces'] : who.split(',').map((reader) => reader.trim());
    for (const match of names.matchAll(/`([A-Z][A-Za-z0-9_<>]*)`/g)) {
      for (const reader of readers) out.push({ name: match[1] as string, who: reader });
    }
  }
  return out;
}
