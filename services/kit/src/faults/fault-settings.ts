import { ConfigError } from '../config/config-error.js';
import { type Env, readDecimal, readDelayBuckets, readPercent, readRaw } from '../config/env-readers.js';
import type { FaultConfig } from '../config/kit-config.js';
import { MAX_USER_BYTES } from '../http/faces-headers.js';

/** The fields `PUT /faults` takes, each read by the same reader, under the same name, as its variable. */
export const SETTING_VARIABLES = Object.freeze({
  errorFraction: 'ERROR_FRACTION',
  latchFraction: 'LATCH_FRACTION',
  delayBuckets: 'DELAY_BUCKETS',
  maxRate: 'MAX_RATE',
} as const);

export type SettingField = keyof typeof SETTING_VARIABLES;
const FIELDS = Object.keys(SETTING_VARIABLES) as SettingField[];
const KNOWN = [...FIELDS, 'user'];

/** A refused `PUT /faults` body: one line naming the field. */
export class SettingsError extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

export interface SettingsRequest {
  /** undefined: the settings for every user without their own. */
  readonly user: string | undefined;
  readonly config: FaultConfig;
}

/** As a header arrives (one latin1 character per byte), printable ASCII compares the same on both sides. */
const USER = /^[\x21-\x7e][\x20-\x7e]*$/;

function shownName(name: string): string {
  return JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
}

/**
 * The value as an environment variable would carry it, so that the reader's message is the same:
 * numbers and strings as they are, delay buckets also as a list, anything else as its JSON.
 */
function asVariable(field: SettingField, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (field === 'delayBuckets' && Array.isArray(value)) {
    return value
      .map((item) => (typeof item === 'number' || typeof item === 'string' ? String(item) : JSON.stringify(item)))
      .join(',');
  }
  return JSON.stringify(value) ?? String(value);
}

function readUser(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !USER.test(value) || value.length > MAX_USER_BYTES) {
    throw new SettingsError(
      'user',
      `user: must be 1 to ${MAX_USER_BYTES} printable ASCII characters, as X-Faces-User carries it`,
    );
  }
  return value;
}

/**
 * A `PUT /faults` body: `{"errorFraction"?, "latchFraction"?, "delayBuckets"?, "maxRate"?, "user"?}`.
 * Each value goes through the environment's own reader (as ERROR_FRACTION etc.), so limits and
 * messages are the environment's; a field left out (or empty, as in the environment) takes the
 * environment's value. Throws SettingsError.
 */
export function readSettingsRequest(body: unknown, environment: FaultConfig): SettingsRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SettingsError(undefined, 'the body must be a JSON object such as {"errorFraction": 50}');
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((name) => !KNOWN.includes(name));
  if (unknown !== undefined) {
    throw new SettingsError(unknown, `unknown field ${shownName(unknown)}: known fields are ${KNOWN.join(', ')}`);
  }
  const env: Record<string, string> = {};
  for (const field of FIELDS) {
    if (fields[field] !== undefined) env[SETTING_VARIABLES[field]] = asVariable(field, fields[field]);
  }
  const user = readUser(fields.user);
  let current: SettingField = 'errorFraction';
  const read = <T>(field: SettingField, reader: (env: Env) => T): T => {
    current = field;
    return reader(env);
  };
  try {
    const config: FaultConfig = Object.freeze({
      errorFraction: read('errorFraction', (e) => readPercent(e, 'ERROR_FRACTION', environment.errorFraction)),
      latchFraction: read('latchFraction', (e) => readPercent(e, 'LATCH_FRACTION', environment.latchFraction)),
      delayBuckets: read('delayBuckets', (e) => {
        // An empty list is "no delay"; an empty string, as in the environment, is unset.
        if (Array.isArray(fields.delayBuckets) && fields.delayBuckets.length === 0) return Object.freeze([]);
        return readRaw(e, 'DELAY_BUCKETS') === undefined
          ? environment.delayBuckets
          : readDelayBuckets(e, 'DELAY_BUCKETS');
      }),
      maxRate: read('maxRate', (e) => readDecimal(e, 'MAX_RATE', environment.maxRate, 0, 1_000_000)),
      latchIdleSeconds: environment.latchIdleSeconds,
    });
    return { user, config };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new SettingsError(current, `${current}: ${error.message}`);
  }
}

/** What GET /faults shows of one set of settings. */
export interface SettingsView {
  readonly errorFraction: number;
  readonly latchFraction: number;
  readonly delayBuckets: readonly number[];
  readonly maxRate: number;
}

export function settingsView(config: FaultConfig): SettingsView {
  const { errorFraction, latchFraction, delayBuckets, maxRate } = config;
  return { errorFraction, latchFraction, delayBuckets, maxRate };
}
