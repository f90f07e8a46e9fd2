import type { FastifyReply, FastifyRequest } from 'fastify';

export const USER_HEADER = 'x-faces-user';
export const POD_HEADER = 'x-faces-pod';
export const UNKNOWN_USER = 'unknown';

export function userOf(request: FastifyRequest): string {
  const user = request.headers[USER_HEADER];
  const value = Array.isArray(user) ? user[0] : user;
  return value === undefined || value === '' ? UNKNOWN_USER : value;
}

/** X-Faces-Pod and the X-Faces-User echo, set when a request arrives so every answer carries them. */
export function setFacesHeaders(request: FastifyRequest, reply: FastifyReply, pod: string): void {
  reply.header(POD_HEADER, pod);
  reply.header(USER_HEADER, userOf(request));
}
