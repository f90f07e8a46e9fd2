import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

/**
 * The gates saved in `file`: none when it does not exist yet; an Error when it exists but is not
 * what `GateStore` writes (a restart must not silently reopen or close a gate).
 */
export function readGatesFile(file: string): ReadonlyMap<string, boolean> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  let gates: unknown;
  try {
    gates = (JSON.parse(text) as { gates?: unknown } | null)?.gates;
  } catch {
    gates = undefined;
  }
  if (typeof gates !== 'object' || gates === null || Object.values(gates).some((v) => typeof v !== 'boolean')) {
    throw new Error('its content is not {"gates": {"<name>.<namespace>": true|false}}');
  }
  return new Map(Object.entries(gates as Record<string, boolean>));
}

/**
 * Flagger's manual gates: a key per canary (`name.namespace`, `rollback.name.namespace` for the
 * rollback gate), closed unless opened. With a file, every change is written (to a temporary file,
 * then renamed over the old one) before it is acknowledged, so a restart finds the gates as they were.
 */
export class GateStore {
  private readonly gates: Map<string, boolean>;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string | undefined,
    initial: ReadonlyMap<string, boolean> = new Map(),
  ) {
    this.gates = new Map(initial);
  }

  isOpen(key: string): boolean {
    return this.gates.get(key) ?? false;
  }

  /** Resolves once the change is on disk (at once without a file). */
  set(key: string, open: boolean): Promise<void> {
    this.gates.set(key, open);
    if (this.file === undefined) return Promise.resolve();
    const file = this.file;
    // One write at a time, each with the state as it is when it runs: the last one wins. A failed
    // write fails its own request only.
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, `${JSON.stringify({ gates: Object.fromEntries(this.gates) }, null, 2)}\n`);
        await rename(temporary, file);
      });
    return this.writing;
  }
}
