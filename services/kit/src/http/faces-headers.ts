import type { FastifyReply, FastifyRequest } from 'fastify';
import { JSON_CONTENT_TYPE } from './constant-json.js';
import { sendHeadAsLatin1 } from './latin1-head.js';

export const USER_HEADER = 'x-faces-user';
export const POD_HEADER = 'x-faces-pod';
export const UNKNOWN_USER = 'unknown';
/**
 * The longest X-Faces-User every service takes, in bytes (Node parses a header one latin1
 * character per byte). Far above any user name, and far below Node's 16 KiB for a whole head, so
 * a user that passes here also fits in the next hop's head, with its echo.
 */
export const MAX_USER_BYTES = 1024;
const USER_TOO_LONG = JSON.stringify({ error: `X-Faces-User is longer than ${MAX_USER_BYTES} bytes` });
const NON_ASCII = /[\u0080-\u00ff]/;

export function userOf(request: FastifyRequest): string {
  const user = request.headers[USER_HEADER];
  const value = Array.isArray(user) ? user[0] : user;
  return value === undefined || value === '' ? UNKNOWN_USER : value;
}

/**
 * X-Faces-Pod and the X-Faces-User echo, set when a request arrives so every answer carries them.
 * False when the user is over MAX_USER_BYTES: the request is then answered 431, without its value.
 */
export function setFacesHeaders(request: FastifyRequest, reply: FastifyReply, pod: string): boolean {
  reply.header(POD_HEADER, pod);
  const user = userOf(request);
  if (user.length > MAX_USER_BYTES) {
    reply.code(431).type(JSON_CONTENT_TYPE).send(USER_TOO_LONG);
    return false;
  }
  reply.header(USER_HEADER, user);
  // The echo must carry the bytes that came; plain ASCII users (nearly all) skip this.
  if (NON_ASCII.test(user)) sendHeadAsLatin1(reply.raw);
  return true;
}
