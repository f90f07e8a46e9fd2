import { checkToken, refuseToken } from '@faces/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The host name of a Host header (`host:port`, `[::1]:3000`), lower-cased; undefined when malformed. */
export function hostnameOf(host: string): string | undefined {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::[0-9]{1,5})?$/.exec(host.trim());
  return match?.[1]?.toLowerCase();
}

/** The host name of an Origin header (`http://localhost:5173`); undefined when it has none (`null`). */
export function originHostname(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.hostname === '' ? undefined : url.hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Why a request's Host or Origin is refused (DNS rebinding: a web page whose name now resolves to
 * this machine reaches it with its own name in both), or undefined when both are allowed.
 */
export function rebindingRefusal(
  host: string | undefined,
  origin: string | undefined,
  allowed: readonly string[],
): string | undefined {
  const hostname = host === undefined ? undefined : hostnameOf(host);
  if (hostname === undefined || !allowed.includes(hostname)) {
    return `Host ${JSON.stringify(host ?? '')} is not allowed: allowed hosts are ${allowed.join(', ')} (MCP_ALLOWED_HOSTS)`;
  }
  if (origin !== undefined) {
    const from = originHostname(origin);
    if (from === undefined || !allowed.includes(from)) {
      return `Origin ${JSON.stringify(origin.slice(0, 200))} is not allowed: allowed hosts are ${allowed.join(', ')} (MCP_ALLOWED_HOSTS)`;
    }
  }
  return undefined;
}

/** The onRequest guard of the MCP routes: Host and Origin first (403), then MCP_TOKEN (401/403). */
export function mcpGuard(allowed: readonly string[] | undefined, token: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (allowed !== undefined) {
      const refusal = rebindingRefusal(request.headers.host, request.headers.origin, allowed);
      if (refusal !== undefined) return reply.code(403).send({ error: refusal });
    }
    if (token === undefined) return undefined;
    const check = checkToken(request.headers.authorization, token);
    return check === 'ok' ? undefined : refuseToken(reply, check);
  };
}
