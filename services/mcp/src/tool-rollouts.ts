import * as z from 'zod';
import { reasonOf } from './backend-call.js';
import { type ToolContext, toolError, toolResult, where } from './tool-context.js';

/** The first event of the GUI's stream is the whole state; past this it is not one. */
const MAX_SNAPSHOT_BYTES = 256 * 1024;

const rollout = z.object({
  key: z.string(),
  phase: z.string(),
  message: z.string(),
  eventType: z.string().optional(),
  progress: z.object({ unit: z.string(), value: z.number(), max: z.number().optional() }).optional(),
  finished: z.boolean(),
});

/** The data of the first SSE event that has any (`retry:` and comments alone are not events), or undefined. */
export function firstEventData(text: string): string | undefined {
  const blocks = text.split(/\r?\n\r?\n/);
  // The last block is not complete until a blank line follows it.
  for (const block of blocks.slice(0, -1)) {
    const data = block
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''));
    if (data.length > 0) return data.join('\n');
  }
  return undefined;
}

type Snapshot = {
  rollouts?: {
    key?: unknown;
    phase?: unknown;
    message?: unknown;
    eventType?: unknown;
    progress?: unknown;
    finishedMs?: unknown;
  }[];
};

async function readSnapshot(url: string, timeoutMs: number, signal: AbortSignal): Promise<Snapshot> {
  const controller = new AbortController();
  const stop = AbortSignal.any([controller.signal, AbortSignal.timeout(timeoutMs), signal]);
  try {
    const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: stop });
    if (response.status !== 200 || response.body === null) throw new Error(`answered ${response.status}`);
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body) {
      text += decoder.decode(chunk, { stream: true });
      const data = firstEventData(text);
      if (data !== undefined) return JSON.parse(data) as Snapshot;
      if (text.length > MAX_SNAPSHOT_BYTES)
        throw new Error(`sent more than ${MAX_SNAPSHOT_BYTES} bytes without an event`);
    }
    throw new Error('ended the stream without an event');
  } finally {
    controller.abort();
  }
}

/** get_rollouts: the banners the GUI shows now (Flagger's or Argo's rollouts, as posted to its /events). */
export function registerRollouts(context: ToolContext): void {
  const { server, config } = context;
  server.registerTool(
    'get_rollouts',
    {
      title: 'Show rollouts',
      description: 'The rollout banners the GUI shows now: each canary, its phase, its progress and last message.',
      inputSchema: {},
      outputSchema: { rollouts: z.array(rollout) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (_args, extra) => {
      const at = where('the GUI', config.gui);
      let snapshot: Snapshot;
      try {
        snapshot = await readSnapshot(`${config.gui.origin}/events/stream`, config.backendTimeoutMs, extra.signal);
      } catch (error) {
        const reason =
          error instanceof SyntaxError ? 'sent an event that is not JSON' : reasonOf(error, config.backendTimeoutMs);
        return toolError(`cannot read the rollouts from ${at}: ${reason}`);
      }
      const rollouts = (Array.isArray(snapshot.rollouts) ? snapshot.rollouts : []).map((entry) => {
        const progress = entry.progress as { unit?: unknown; value?: unknown; max?: unknown } | undefined;
        return {
          key: String(entry.key),
          phase: String(entry.phase),
          message: String(entry.message ?? ''),
          ...(typeof entry.eventType === 'string' ? { eventType: entry.eventType } : {}),
          ...(progress !== undefined && progress !== null && typeof progress.value === 'number'
            ? {
                progress: {
                  unit: String(progress.unit),
                  value: progress.value,
                  ...(typeof progress.max === 'number' ? { max: progress.max } : {}),
                },
              }
            : {}),
          finished: typeof entry.finishedMs === 'number',
        };
      });
      const text =
        rollouts.length === 0
          ? `${at} shows no rollout`
          : rollouts
              .map(
                (r) =>
                  `${r.key}: ${r.phase}${r.progress === undefined ? '' : ` (${r.progress.unit} ${r.progress.value})`} — ${r.message}`,
              )
              .join('\n');
      return toolResult(text, { rollouts });
    },
  );
}
