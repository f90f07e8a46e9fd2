import type { FastifyReply, FastifyRequest } from 'fastify';
import { JSON_CONTENT_TYPE } from '../http/constant-json.js';
import type { Result } from '../result.js';
import { subPathOf } from './sub-path.js';
import type { Which } from './update-request.js';

export interface CellValuesOptions {
  /** The answer's field: `smiley` or `color`. */
  readonly field: string;
  /** The value served at start, for both kinds of cell. */
  readonly initial: string;
  /** A raw update → the value to serve, or why not. */
  readonly resolve: (raw: string) => Result<string>;
  /** Called after each change (the services log the old and new values at info). */
  readonly onChange: (old: { readonly center: string; readonly edge: string }, which: Which, value: string) => void;
}

/**
 * What a leaf service (smiley, color) serves now: one value for centre cells and one for edge
 * cells, the same at start and set apart by run-time updates (PUT, gRPC UpdateColor). The JSON
 * answers are serialised at each change, never per request.
 */
export class CellValues {
  center: string;
  edge: string;
  private centerBody: string;
  private edgeBody: string;

  constructor(private readonly options: CellValuesOptions) {
    this.center = this.edge = options.initial;
    this.centerBody = this.edgeBody = JSON.stringify({ [options.field]: options.initial });
  }

  update(which: Which, raw: string): Result<string> {
    const resolved = this.options.resolve(raw);
    if (!resolved.ok) return resolved;
    const old = { center: this.center, edge: this.edge };
    if (which !== 'edge') this.center = resolved.value;
    if (which !== 'center') this.edge = resolved.value;
    this.centerBody = JSON.stringify({ [this.options.field]: this.center });
    this.edgeBody = JSON.stringify({ [this.options.field]: this.edge });
    this.options.onChange(old, which, resolved.value);
    return resolved;
  }

  /** The GET handler: `/edge/` (and `/…/edge/`) answers the edge's value, every other path the centre's. */
  readonly handler = (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    // Until an update sets them apart, both answers are the same bytes: no need to read the path.
    const body =
      this.centerBody === this.edgeBody || subPathOf(request.url) !== 'edge' ? this.centerBody : this.edgeBody;
    return reply.type(JSON_CONTENT_TYPE).send(body);
  };
}
