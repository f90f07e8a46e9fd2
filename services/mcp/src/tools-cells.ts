import { WHICH_VALUES } from '@faces/kit';
import * as z from 'zod';
import { messageOf } from './backend-call.js';
import { LIMITS } from './limits.js';
import { changeRefusal, logToClient, type ToolContext, toolError, toolResult, where } from './tool-context.js';

const subrequest = z.enum(['center', 'edge']).describe('which cells: center or edge');
const which = z
  .enum(WHICH_VALUES as ['center', 'edge', 'all'])
  .default('all')
  .describe('which cells change: center, edge or all');
const cell = z.number().int().min(0).max(LIMITS.maxRowCol);

function parsedJson(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The original's five tools: query_smiley, query_color, query_face, update_smiley, update_color. */
export function registerCellTools(context: ToolContext): void {
  const { server, config } = context;
  const timeoutMs = config.backendTimeoutMs;

  server.registerTool(
    'query_smiley',
    {
      title: 'Ask smiley',
      description: "Asks the smiley service for a center or edge cell's smiley (an HTML entity) and quotes its answer.",
      inputSchema: { subrequest },
      outputSchema: { subrequest, status: z.number().int(), smiley: z.string().optional(), answer: z.string() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args, extra) => {
      const at = where('smiley', config.smiley);
      const answer = await context.backends.call(`${config.smiley.origin}/${args.subrequest}/`, at, {
        timeoutMs,
        signal: extra.signal,
      });
      if (!answer.ok) return toolError(answer.reason);
      const { status, body } = answer.value;
      const smiley = text(parsedJson(body).smiley);
      return toolResult(`${at} answered ${status}: ${body.trim()}`, {
        subrequest: args.subrequest,
        status,
        ...(smiley === undefined ? {} : { smiley }),
        answer: body.trim(),
      });
    },
  );

  server.registerTool(
    'query_color',
    {
      title: 'Ask color (gRPC)',
      description: "Asks the color service over gRPC (Center or Edge) for a cell's color and quotes its answer.",
      inputSchema: { subrequest },
      outputSchema: { subrequest, color: z.string() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args, extra) => {
      const answer = await context.color.query(args.subrequest, 0, 0, extra.signal);
      if (!answer.ok) return toolError(answer.reason);
      return toolResult(`color answered ${JSON.stringify({ color: answer.value.color })}`, {
        subrequest: args.subrequest,
        color: answer.value.color,
      });
    },
  );

  server.registerTool(
    'query_face',
    {
      title: 'Ask face',
      description: 'Asks face for one cell, as the GUI does: the smiley, the color and any errors face met on the way.',
      inputSchema: {
        subrequest,
        row: cell.default(0).describe(`the cell's row, 0-${LIMITS.maxRowCol}`),
        col: cell.default(0).describe(`the cell's column, 0-${LIMITS.maxRowCol}`),
      },
      outputSchema: {
        subrequest,
        row: z.number().int(),
        col: z.number().int(),
        status: z.number().int(),
        smiley: z.string().optional(),
        color: z.string().optional(),
        errors: z.array(z.string()),
        ms: z.number(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args, extra) => {
      const at = where('face', config.face);
      const url = `${config.face.origin}/${args.subrequest}/?row=${args.row}&col=${args.col}`;
      const answer = await context.backends.call(url, at, { timeoutMs, signal: extra.signal });
      if (!answer.ok) return toolError(answer.reason);
      const { status, body: raw } = answer.value;
      const body = parsedJson(raw);
      const smiley = text(body.smiley);
      const color = text(body.color);
      const errors = Array.isArray(body.errors) ? body.errors.map(String) : [];
      if (status !== 200 && errors.length === 0 && raw.trim() !== '') errors.push(messageOf(raw));
      return toolResult(`${at} answered ${status}: ${raw.trim()}`, {
        subrequest: args.subrequest,
        row: args.row,
        col: args.col,
        status,
        ...(smiley === undefined ? {} : { smiley }),
        ...(color === undefined ? {} : { color }),
        errors,
        ms: answer.ms,
      });
    },
  );

  server.registerTool(
    'update_smiley',
    {
      title: 'Change the smiley',
      description:
        'Changes the smiley the smiley service serves (HTTP PUT): a name such as HeartEyes, U+1F60D, &#x1F60D; or the emoji.',
      inputSchema: {
        smiley: z.string().min(1).max(LIMITS.maxValueLength).describe('a smiley name, U+… code point or the emoji'),
        which,
      },
      outputSchema: { which: z.string(), smiley: z.string(), message: z.string() },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async (args, extra) => {
      const refused = changeRefusal(context, 'update_smiley');
      if (refused !== undefined) return toolError(refused);
      const at = where('smiley', config.smiley);
      const answer = await context.backends.call(`${config.smiley.origin}/`, at, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ which: args.which, smiley: args.smiley }),
        timeoutMs,
        signal: extra.signal,
      });
      if (!answer.ok) return toolError(answer.reason);
      const { status, body: raw } = answer.value;
      if (status !== 200) return toolError(`${at} answered ${status}: ${messageOf(raw)}`);
      const body = parsedJson(raw);
      logToClient(context, 'info', `smiley (${args.which}) is now ${String(body.smiley)}`);
      return toolResult(`${at} answered ${status}: ${raw.trim()}`, {
        which: text(body.which) ?? args.which,
        smiley: text(body.smiley) ?? '',
        message: text(body.message) ?? '',
      });
    },
  );

  server.registerTool(
    'update_color',
    {
      title: 'Change the color (gRPC)',
      description:
        'Changes the color the color service serves, with its gRPC UpdateColor: a palette or CSS name, or #hex.',
      inputSchema: {
        color: z.string().min(1).max(LIMITS.maxValueLength).describe('a palette or CSS color name, #RGB or #RRGGBB'),
        which,
      },
      outputSchema: { which: z.string(), color: z.string() },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async (args, extra) => {
      const refused = changeRefusal(context, 'update_color');
      if (refused !== undefined) return toolError(refused);
      const answer = await context.color.update(args.which, args.color, extra.signal);
      if (!answer.ok) return toolError(answer.reason);
      const now = answer.value;
      logToClient(context, 'info', `color (${now.which}) is now ${now.color}`);
      return toolResult(`color answered ${JSON.stringify({ which: now.which, color: now.color })}`, {
        which: now.which,
        color: now.color,
      });
    },
  );
}
