import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** How a request's credentials compare with the expected token. */
export type TokenCheck = 'ok' | 'missing' | 'wrong';

export interface TokenCheckOptions {
  /**
   * Also take `Authorization: Basic …` with the token as its password: what Go's HTTP client
   * (Flagger's) sends for a webhook URL with user info, `http://flagger:TOKEN@host/…`.
   */
  readonly basicPassword?: boolean;
}

const BEARER = /^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i;
const BASIC = /^Basic[ ]+([A-Za-z0-9+/=]+)[ ]*$/i;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Constant-time: both sides are hashed to 32 bytes first, so neither the content nor the length of
 * the expected token shows in how long a comparison takes.
 */
export function tokensEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The credential an Authorization header carries, or undefined when it carries none we take. */
export function credentialOf(header: string | undefined, options: TokenCheckOptions = {}): string | undefined {
  if (header === undefined) return undefined;
  const bearer = BEARER.exec(header);
  if (bearer !== null) return bearer[1];
  if (options.basicPassword !== true) return undefined;
  const basic = BASIC.exec(header);
  if (basic === null) return undefined;
  const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? undefined : decoded.slice(colon + 1);
}

export function checkToken(
  header: string | string[] | undefined,
  expected: string,
  options: TokenCheckOptions = {},
): TokenCheck {
  const credential = credentialOf(Array.isArray(header) ? header[0] : header, options);
  if (credential === undefined) return 'missing';
  return tokensEqual(credential, expected) ? 'ok' : 'wrong';
}

/** 401 (with a challenge) when no token came, 403 when a wrong one did; the token is never echoed. */
export function refuseToken(reply: FastifyReply, check: Exclude<TokenCheck, 'ok'>): FastifyReply {
  if (check === 'missing') {
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send({ error: 'this route needs Authorization: Bearer <token>' });
  }
  return reply.code(403).send({ error: 'the token is not the one this service was given' });
}
