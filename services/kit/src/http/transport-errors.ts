/**
 * What a transport error's code means, in words, for the one line a failed call reports
 * ("cannot get an answer from smiley:80: connection refused (ECONNREFUSED)"). Node's socket codes
 * and undici's own; a code not listed is shown by its error's message.
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_SOCKET: 'connection closed before the answer was complete',
  UND_ERR_CONNECT_TIMEOUT: 'no connection in time',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'answer too large',
};

/** The words for a transport error's code ('connection refused' for ECONNREFUSED), or undefined for one not listed. */
export function describeTransportError(code: string): string | undefined {
  return Object.hasOwn(DESCRIPTIONS, code) ? DESCRIPTIONS[code] : undefined;
}
