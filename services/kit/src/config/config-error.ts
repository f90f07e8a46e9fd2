/** How much of a bad value the message repeats: enough to recognise it, never a screenful. */
const SHOWN_CHARACTERS = 120;

function shown(value: string): string {
  if (value.length <= SHOWN_CHARACTERS) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, SHOWN_CHARACTERS))}… (${value.length} characters)`;
}

/** A bad environment variable: names the variable, the value given and what is allowed. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly value: string,
    readonly allowed: string,
  ) {
    super(`${variable}=${shown(value)} is not valid: ${allowed}`);
    this.name = 'ConfigError';
  }
}
