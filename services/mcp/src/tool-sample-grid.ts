import type { Observation } from '@faces/gui/cell-state';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { type CellSample, classifyCell, summarize } from './grid-summary.js';
import { LIMITS } from './limits.js';
import { type ToolContext, toolError, toolResult, where } from './tool-context.js';

/** The GUI's default grid: 4 by 4, the outer ring asking for edge cells. */
const ROWS = 4;
const COLS = 4;
/** Progress notifications per call, at most (and one per cell for small grids). */
const PROGRESS_STEPS = 20;

function cellOf(index: number): { kind: 'center' | 'edge'; row: number; col: number } {
  const row = Math.floor(index / COLS) % ROWS;
  const col = index % COLS;
  const inside = row >= 1 && row <= ROWS - 2 && col >= 1 && col <= COLS - 2;
  return { kind: inside ? 'center' : 'edge', row, col };
}

const count = z.number().int();

/** sample_grid: N cells as one user sees them, through face or the GUI. */
export function registerSampleGrid(context: ToolContext): void {
  context.server.registerTool(
    'sample_grid',
    {
      title: 'Sample the grid',
      description:
        'Asks for N cells as one user, through face or the GUI (as the browser does), and says what the audience sees: whole, degraded (a substitute smiley or color), slow (later than the GUI fades a cell) and failed cells, by cause, with p50/p99 latency. Sends progress notifications when asked.',
      inputSchema: {
        cells: z
          .number()
          .int()
          .min(1)
          .max(LIMITS.maxCells)
          .default(100)
          .describe(`how many cells, 1-${LIMITS.maxCells}`),
        user: z.string().min(1).max(LIMITS.maxUserLength).default('unknown').describe('the X-Faces-User to ask as'),
        via: z.enum(['face', 'gui']).default('face').describe("face directly, or the GUI's /face/ proxy"),
        concurrency: z
          .number()
          .int()
          .min(1)
          .max(LIMITS.maxConcurrency)
          .default(8)
          .describe(`requests in flight at once, 1-${LIMITS.maxConcurrency}`),
      },
      outputSchema: {
        via: z.string(),
        user: z.string(),
        cells: count,
        whole: count,
        degraded: count,
        slow: count,
        failed: count,
        causes: z.record(z.string(), count),
        p50Ms: z.number(),
        p99Ms: z.number(),
        maxMs: z.number(),
        elapsedMs: z.number(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args, extra) => {
      if (!context.grids.take()) {
        return toolError(
          `sample_grid is refused: ${context.grids.max} samples are running already (at most ${context.grids.max} at once, over every session); try again when one ends`,
        );
      }
      try {
        return await sampleGrid(context, args, extra);
      } finally {
        context.grids.release();
      }
    },
  );
}

type GridArgs = { cells: number; user: string; via: 'face' | 'gui'; concurrency: number };
type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

async function sampleGrid(context: ToolContext, args: GridArgs, extra: Extra): Promise<CallToolResult> {
  const { config } = context;
  const target = args.via === 'face' ? config.face : config.gui;
  const prefix = args.via === 'face' ? '' : '/face';
  const at = where(args.via === 'face' ? 'face' : 'the GUI', target);
  const started = performance.now();
  const samples: CellSample[] = new Array(args.cells);
  const progressToken = extra._meta?.progressToken;
  const step = Math.max(1, Math.floor(args.cells / PROGRESS_STEPS));
  let next = 0;
  let done = 0;
  let answered = 0;
  let firstFailure: string | undefined;
  const worker = async () => {
    for (let index = next++; index < args.cells && !extra.signal.aborted; index = next++) {
      const { kind, row, col } = cellOf(index);
      const answer = await context.backends.call(`${target.origin}${prefix}/${kind}/?row=${row}&col=${col}`, at, {
        headers: { 'x-faces-user': args.user },
        timeoutMs: config.backendTimeoutMs,
        signal: extra.signal,
      });
      if (answer.ok) answered++;
      else firstFailure ??= answer.reason;
      const observation: Observation = answer.ok
        ? { kind: 'answer', status: answer.value.status, body: answer.value.body }
        : answer.reason.includes('no answer within')
          ? { kind: 'timeout' }
          : { kind: 'network', message: answer.reason };
      samples[index] = classifyCell(observation, answer.ms);
      done++;
      if (progressToken !== undefined && (done % step === 0 || done === args.cells)) {
        await extra
          .sendNotification({
            method: 'notifications/progress',
            params: { progressToken, progress: done, total: args.cells, message: `${done} of ${args.cells} cells` },
          })
          .catch(() => undefined);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(args.concurrency, args.cells) }, worker));
  // Nothing answered at all: the backend is down, which is the tool's failure, not the grid's.
  if (answered === 0 && firstFailure !== undefined) return toolError(firstFailure);
  const summary = summarize(samples.filter((sample) => sample !== undefined));
  const elapsedMs = Math.round(performance.now() - started);
  const causes = Object.entries(summary.causes)
    .map(([cause, n]) => `${cause} ${n}`)
    .join(', ');
  const text =
    `${summary.cells} cells for ${args.user} via ${at}: ${summary.whole} whole, ${summary.degraded} degraded, ` +
    `${summary.slow} slow, ${summary.failed} failed${causes === '' ? '' : ` (${causes})`}; ` +
    `p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms, in ${elapsedMs} ms`;
  return toolResult(text, { via: args.via, user: args.user, ...summary, elapsedMs });
}
