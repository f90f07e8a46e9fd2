import { readSettingsRequest, type ServiceAddress, SettingsError } from '@faces/kit';
import { fail, ok, type Result } from '@faces/kit/result';
import * as z from 'zod';
import { messageOf } from './backend-call.js';
import { LIMITS } from './limits.js';
import { changeRefusal, logToClient, type ToolContext, toolError, toolResult, where } from './tool-context.js';

export const CONTROLLED = ['smiley', 'color', 'face'] as const;
type Controlled = (typeof CONTROLLED)[number];

const settings = z.object({
  errorFraction: z.number(),
  latchFraction: z.number(),
  delayBuckets: z.array(z.number()),
  maxRate: z.number(),
});
const view = z.object({ environment: settings, base: settings, users: z.record(z.string(), settings) });
const user = z.string().min(1).max(LIMITS.maxUserLength).describe('one X-Faces-User (e.g. testuser); none: everyone');
const setting = z.union([z.number(), z.string().max(LIMITS.maxSettingLength)]);
/** Only what a settings check needs: the service applies its own environment for fields left out. */
const NO_FAULTS = Object.freeze({
  errorFraction: 0,
  latchFraction: 0,
  delayBuckets: [],
  maxRate: 0,
  latchIdleSeconds: 30,
});

function addressOf(context: ToolContext, service: Controlled): ServiceAddress {
  return context.config[service];
}

/** A control call's fault settings (the text shown, the parsed view), or why there are none. */
type ControlAnswer = Result<{ readonly text: string; readonly view: unknown }>;

function textOf(answer: ControlAnswer): string {
  return answer.ok ? answer.value.text : answer.reason;
}

async function control(
  context: ToolContext,
  service: Controlled,
  method: 'GET' | 'PUT' | 'DELETE',
  query: string,
  body: Record<string, unknown> | undefined,
  signal: AbortSignal,
): Promise<ControlAnswer> {
  const address = addressOf(context, service);
  const at = where(service, address);
  const headers: Record<string, string> = { authorization: `Bearer ${context.config.kit.controlToken ?? ''}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const answer = await context.backends.call(`${address.origin}/faults${query}`, at, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    timeoutMs: context.config.backendTimeoutMs,
    signal,
  });
  if (!answer.ok) return fail(answer.reason);
  const { status, body: raw } = answer.value;
  if (status === 404) return fail(`${at} has no fault control (is CONTROL_TOKEN set there?)`);
  if (status !== 200) return fail(`${at} answered ${status}: ${messageOf(raw)}`);
  try {
    return ok({ text: `${at}: ${raw.trim()}`, view: JSON.parse(raw) });
  } catch {
    return fail(`${at} answered 200 with something that is not fault settings`);
  }
}

function needsToken(context: ToolContext, tool: string): string | undefined {
  return context.config.kit.controlToken === undefined
    ? `${tool} is refused: reading fault settings needs CONTROL_TOKEN set on the MCP server`
    : undefined;
}

/** get_faults, set_faults and reset_faults: every service's live /faults, with the control token. */
export function registerFaultTools(context: ToolContext): void {
  const { server } = context;

  server.registerTool(
    'get_faults',
    {
      title: 'Show fault settings',
      description: "Shows the live fault settings (environment's, everyone's, each user's) of smiley, color and face.",
      inputSchema: {
        service: z
          .enum([...CONTROLLED, 'all'])
          .default('all')
          .describe('smiley, color, face or all'),
      },
      outputSchema: {
        services: z.array(
          z.object({ service: z.string(), ok: z.boolean(), faults: view.optional(), error: z.string().optional() }),
        ),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args, extra) => {
      const refused = needsToken(context, 'get_faults');
      if (refused !== undefined) return toolError(refused);
      const chosen = args.service === 'all' ? [...CONTROLLED] : [args.service];
      const answers = await Promise.all(
        chosen.map((service) => control(context, service, 'GET', '', undefined, extra.signal)),
      );
      const services = chosen.map((service, i) => {
        const answer = answers[i] as ControlAnswer;
        return answer.ok
          ? { service, ok: true, faults: answer.value.view }
          : { service, ok: false, error: answer.reason };
      });
      if (services.every((entry) => !entry.ok)) return toolError(answers.map(textOf).join('\n'));
      return toolResult(answers.map(textOf).join('\n'), { services });
    },
  );

  server.registerTool(
    'set_faults',
    {
      title: 'Inject faults',
      description:
        "Replaces a service's live fault settings, for everyone or one user: errorFraction and latchFraction (percent), delayBuckets (ms), maxRate (requests/s). Fields left out take the service's environment values.",
      inputSchema: {
        service: z.enum(CONTROLLED).describe('smiley, color or face'),
        user: user.optional(),
        errorFraction: setting.optional().describe('percent 0-100 of requests that fail'),
        latchFraction: setting.optional().describe('percent 0-100 of injected errors that latch into 599s'),
        delayBuckets: z
          .union([z.array(z.number()).max(LIMITS.maxDelayBuckets), z.string().max(LIMITS.maxSettingLength)])
          .optional()
          .describe('milliseconds 0-60000, one picked at random per request'),
        maxRate: setting.optional().describe('requests per second above which the service answers 429; 0: off'),
      },
      outputSchema: { service: z.string(), faults: view },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    async (args, extra) => {
      const refused = changeRefusal(context, 'set_faults');
      if (refused !== undefined) return toolError(refused);
      const { service, ...fields } = args;
      const body = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      try {
        // The services' own check, so the messages are theirs, before anything is sent.
        readSettingsRequest(body, NO_FAULTS);
      } catch (error) {
        if (error instanceof SettingsError) return toolError(`set_faults: ${error.message}`);
        throw error;
      }
      const answer = await control(context, service, 'PUT', '', body, extra.signal);
      if (!answer.ok) return toolError(answer.reason);
      logToClient(
        context,
        'warning',
        `faults on ${service}${args.user === undefined ? '' : ` for ${args.user}`}: ${JSON.stringify(body)}`,
      );
      return toolResult(answer.value.text, { service, faults: answer.value.view });
    },
  );

  server.registerTool(
    'reset_faults',
    {
      title: 'Heal',
      description: "Puts a service's fault settings back to its environment's, for everyone or one user.",
      inputSchema: { service: z.enum(CONTROLLED).describe('smiley, color or face'), user: user.optional() },
      outputSchema: { service: z.string(), faults: view },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async (args, extra) => {
      const refused = changeRefusal(context, 'reset_faults');
      if (refused !== undefined) return toolError(refused);
      const query = args.user === undefined ? '' : `?user=${encodeURIComponent(args.user)}`;
      const answer = await control(context, args.service, 'DELETE', query, undefined, extra.signal);
      if (!answer.ok) return toolError(answer.reason);
      logToClient(
        context,
        'info',
        `faults on ${args.service}${args.user === undefined ? '' : ` for ${args.user}`} reset`,
      );
      return toolResult(answer.value.text, { service: args.service, faults: answer.value.view });
    },
  );
}
