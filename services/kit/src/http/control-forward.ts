import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Dispatcher } from 'undici';
import { controlGuard, FAULTS_PATH } from '../faults/fault-routes.js';
import { fail, ok, type Result } from '../result.js';
import { BufferedCall } from './undici-call.js';

/** A service whose fault control this one passes calls on to. */
export interface ControlTarget {
  /** Kept-alive connections to it (face's backend pool, the GUI's pool to face). */
  readonly dispatcher: Dispatcher;
  /** Its control path: /faults, or a further hop's /faults/<name>. */
  readonly path: string;
  /** host:port, as errors name it. */
  readonly where: string;
}

/** Control calls are rare and small: a service that has not answered one in this time is not answering. */
const FORWARD_TIMEOUT_MS = 5000;

/** The most a control answer may be: it is one small JSON object (face's own backend pools cap theirs the same). */
const MAX_FORWARD_BYTES = 64 * 1024;

type Forwarded = Result<{ readonly status: number; readonly body: Buffer; readonly type: string | undefined }>;

/** One forwarded control call: settles once, on the answer, an error, the byte cap or the deadline. */
class ForwardCall extends BufferedCall {
  private type: string | undefined;

  constructor(
    private readonly where: string,
    private readonly resolve: (result: Forwarded) => void,
  ) {
    super(MAX_FORWARD_BYTES, FORWARD_TIMEOUT_MS);
  }

  protected override headers(received: IncomingHttpHeaders): void {
    const type = received['content-type'];
    this.type = Array.isArray(type) ? type[0] : type;
  }

  protected answered(status: number, body: Buffer): void {
    this.resolve(ok({ status, body, type: this.type }));
  }

  protected failed(reason: Error | 'timeout'): void {
    if (reason === 'timeout') {
      this.resolve(fail(`${this.where} did not answer within ${FORWARD_TIMEOUT_MS} ms`));
      return;
    }
    const { code } = reason as { code?: unknown };
    this.resolve(fail(`cannot reach ${this.where}: ${typeof code === 'string' ? code : reason.message}`));
  }
}

function forward(
  target: ControlTarget,
  method: 'GET' | 'PUT' | 'DELETE',
  query: string,
  authorization: string | undefined,
  body: unknown,
): Promise<Forwarded> {
  const headers: string[] = [];
  if (authorization !== undefined) headers.push('authorization', authorization);
  const payload = method === 'PUT' ? JSON.stringify(body ?? null) : undefined;
  if (payload !== undefined) headers.push('content-type', 'application/json');
  return new Promise((resolve) => {
    target.dispatcher.dispatch(
      { method, path: target.path + query, headers, ...(payload === undefined ? {} : { body: payload }) },
      new ForwardCall(target.where, resolve),
    );
  });
}

/** The path's query, `?…` or empty. */
function queryOf(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at);
}

/**
 * GET, PUT and DELETE /faults/<name> pass the call on to that service's control, with the
 * caller's Authorization and query (`?user=`), and hand back its status and body. This hop checks
 * its own CONTROL_TOKEN first (404 without one): every service on the way is under the same kind
 * of lock. So the GUI reaches face at /faults/face and smiley and color through face.
 */
export function installControlForwards(
  app: FastifyInstance,
  targets: Readonly<Record<string, ControlTarget>>,
  token: string | undefined,
): void {
  // Without a token there is nothing to forward, and no route: the kit's not-found handler answers
  // 404 for control paths then.
  if (token === undefined) return;
  const onRequest = controlGuard(token);
  const byName = new Map(Object.entries(targets));
  app.route<{ Params: { target: string } }>({
    method: ['GET', 'PUT', 'DELETE'],
    url: `${FAULTS_PATH}/:target`,
    // The way to another service's fault control: spared like the control itself (/faults).
    config: { faults: false },
    onRequest,
    bodyLimit: 16 * 1024,
    handler: async (request, reply) => {
      const name = request.params.target;
      const target = byName.get(name);
      if (target === undefined) return reply.code(404).send({ error: 'Not Found', path: request.url });
      const method = request.method as 'GET' | 'PUT' | 'DELETE';
      const result = await forward(target, method, queryOf(request.url), request.headers.authorization, request.body);
      if (!result.ok) {
        request.log.warn({ target: name, detail: result.reason }, 'fault control call not answered');
        return reply.code(502).send({ error: result.reason });
      }
      const { status, body, type } = result.value;
      reply.code(status);
      if (type !== undefined) reply.type(type);
      return reply.send(body);
    },
  });
}
