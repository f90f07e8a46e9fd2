import { runService } from '@faces/kit';

/** One entry per `faces <command>`; each imports its service only when chosen, to start fast. */
export interface Command {
  readonly summary: string;
  /** Whether it reads its own flags (and prints its own --help); the others take none. */
  readonly flags?: true;
  readonly run: (args: readonly string[], proc: NodeJS.Process) => Promise<void>;
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  smiley: {
    summary: 'serve smileys (SMILEY picks one)',
    run: async (_args, proc) => runService('smiley', (await import('@faces/smiley')).smileyService, proc),
  },
  color: {
    summary: 'serve colors (COLOR picks one)',
    run: async (_args, proc) => runService('color', (await import('@faces/color')).colorService, proc),
  },
  face: {
    summary: 'compose faces from smiley and color (SMILEY_SERVICE, COLOR_SERVICE)',
    run: async (_args, proc) => runService('face', (await import('@faces/face')).faceService, proc),
  },
  gui: {
    summary: 'serve the browser GUI and pass /face/… to face (FACE_SERVICE)',
    run: async (_args, proc) => runService('gui', (await import('@faces/gui')).guiService, proc),
  },
  mcp: {
    summary: 'an MCP server for AI agents: tools to look at and change the demo (TRANSPORT=stdio|http, PORT 3000)',
    run: async (_args, proc) => (await import('@faces/mcp')).runMcp(proc),
  },
  all: {
    summary: 'run smiley, color, face and gui on loopback and print their URLs and the tour (PORT, default 8080)',
    run: async (_args, proc) => (await import('./all.js')).runAll(proc),
  },
  load: {
    summary: 'send HTTP load like hey: faces load [-z 30s] [-q RATE] [-c WORKERS] [--fail-under PCT] URL',
    flags: true,
    run: async (args, proc) => (await import('@faces/load')).loadCommand(args, proc),
  },
  loadtester: {
    summary: "a drop-in for Flagger's load tester: webhooks run hey/faces load commands, manual gates",
    run: async (_args, proc) => runService('loadtester', (await import('@faces/load')).loadtesterService, proc),
  },
  faults: {
    summary: "show or change a service's live faults: faults --target URL [--user U] [--error-fraction N] … [--reset]",
    flags: true,
    run: async (args, proc) => (await import('./faults.js')).faultsCommand(args, proc),
  },
  set: {
    summary:
      'change a running smiley or color: faces set smiley|color VALUE [--which center|edge|all] [--target URL] [--grpc]',
    flags: true,
    run: async (args, proc) => (await import('./set.js')).setCommand(args, proc),
  },
  check: {
    summary:
      'check an install (helm test): backends /readyz, then a whole face through the GUI: faces check [--gui URL] [--ready URL]…',
    flags: true,
    run: async (args, proc) => (await import('./check.js')).checkCommand(args, proc),
  },
  healthcheck: {
    summary: "exit 0 if this machine's service answers GET /healthz (for container HEALTHCHECKs)",
    run: async (_args, proc) => (await import('./healthcheck.js')).healthcheck(proc),
  },
};
