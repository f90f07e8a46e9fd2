import * as z from 'zod';
import { LIMITS } from './limits.js';
import type { ToolContext } from './tool-context.js';

const user = z.string().max(LIMITS.maxUserLength).optional().describe('the user to break (default testuser)');

/** Demo scripts a presenter can hand the agent. */
export function registerPrompts(context: ToolContext): void {
  context.server.registerPrompt(
    'break_and_heal',
    {
      title: "Break a user's smileys, then heal them",
      description:
        'Samples the grid, injects errors into smiley for one user, samples again, heals, and samples once more.',
      argsSchema: {
        user,
        service: z.enum(['smiley', 'color', 'face']).optional().describe('which service to break (default smiley)'),
      },
    },
    (args) => {
      const who = args.user ?? 'testuser';
      const service = args.service ?? 'smiley';
      return {
        messages: [
          {
            role: 'user',
            content: {
              type: 'text',
              text: [
                `We are on stage with the Faces demo. Show the audience what a fault for one user does:`,
                `1. Call sample_grid with cells 100 and user ${who}, and say in one sentence what the grid looks like.`,
                `2. Call set_faults with service ${service}, user ${who} and errorFraction 100.`,
                `3. Call sample_grid again for ${who}, and once for user other: say how ${who}'s grid changed and that other's did not.`,
                `4. Call reset_faults with service ${service} and user ${who}, then sample_grid for ${who} to show it healed.`,
                'Keep each explanation to two sentences; quote the counts of whole, degraded and failed cells.',
              ].join('\n'),
            },
          },
        ],
      };
    },
  );

  context.server.registerPrompt(
    'watch_rollout',
    {
      title: 'Narrate a rollout',
      description: 'Reads the rollout banners and samples the grid, to narrate a canary rollout as it goes.',
      argsSchema: { user },
    },
    (args) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              'A canary rollout of the Faces demo is under way.',
              '1. Call get_rollouts and say which canary is rolling out, its phase and how far it has got.',
              `2. Call sample_grid with cells 200 and user ${args.user ?? 'testuser'}: say whether users see any failures.`,
              '3. If the canary is Failed, say which service and why from its message; if Succeeded, say so.',
            ].join('\n'),
          },
        },
      ],
    }),
  );
}
