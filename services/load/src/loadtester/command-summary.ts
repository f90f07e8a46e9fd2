/** The most of a webhook's command a log line repeats. */
export const LOGGED_COMMAND_CHARS = 200;

const REDACTED = '[redacted]';

/** Header names whose values are credentials (matched anywhere in the name, any case). */
const SECRET_HEADER = /authorization|cookie|token|api-?key|secret|password|credential|session/i;
/** Query parameters whose values are credentials. */
const SECRET_PARAM = /^(?:.*token.*|.*secret.*|.*password.*|.*api-?key.*|key|auth|sig|signature|access_token|code)$/i;

/**
 * A command as logs may show it: credentials redacted (the values of `-H 'Name: value'` headers
 * with a secret name, the user:password of a URL, secret query parameters) and then cut to
 * LOGGED_COMMAND_CHARS, saying how long it was. Works on the text, so it also covers commands
 * that do not parse.
 */
export function commandSummary(command: string): string {
  const redacted = command
    .replace(/'[^']*'|"[^"]*"|[^\s'"]+/g, redactHeader)
    // Starts only where a word starts (the look-behind), so a long word costs one pass.
    .replace(/(?<![\w+.-])([A-Za-z][\w+.-]*:\/\/)[^/\s@'"]+@/g, `$1${REDACTED}@`)
    .replace(/([?&])([^=&\s'"#]+)=([^&\s'"#]*)/g, (whole, sep: string, name: string) =>
      SECRET_PARAM.test(name) ? `${sep}${name}=${REDACTED}` : whole,
    );
  if (redacted.length <= LOGGED_COMMAND_CHARS) return redacted;
  return `${redacted.slice(0, LOGGED_COMMAND_CHARS)}… (${command.length} characters)`;
}

/** A word or quoted string that is `Name: value` with a secret name: the value redacted (the quotes kept). */
function redactHeader(segment: string): string {
  const quote = segment[0] === "'" || segment[0] === '"' ? segment[0] : '';
  const colon = segment.indexOf(':');
  if (colon === -1) return segment;
  const name = segment.slice(quote.length, colon).trim();
  if (!/^[A-Za-z0-9-]+$/.test(name) || !SECRET_HEADER.test(name)) return segment;
  return `${quote}${name}: ${REDACTED}${quote}`;
}
