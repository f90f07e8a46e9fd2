#!/usr/bin/env node
import { ConfigError, readServiceName } from '@faces/kit';
import { COMMANDS, type Command } from './commands.js';
import { undoNpmColor } from './npm-color.js';
import { FACES_VERSION } from './version.js';

const HELP_FLAGS = new Set(['--help', '-h', 'help']);

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `usage: faces <command> [args]\n       faces --version\n\ncommands:\n${lines.join('\n')}\n\nWith no command, faces runs the service named by FACES_SERVICE. Every command takes --help.\nSettings come from environment variables (docs/configuration.md); a bad one exits 2.\n`;
}

function commandUsage(name: string, command: Command): string {
  return `usage: faces ${name}\n\n${command.summary}\nSettings come from environment variables (docs/configuration.md); a bad one exits 2.\n`;
}

async function main(proc: NodeJS.Process): Promise<void> {
  undoNpmColor(proc.env, proc.ppid);
  const [first, ...args] = proc.argv.slice(2);
  if (first !== undefined && HELP_FLAGS.has(first)) {
    proc.stdout.write(usage());
    return;
  }
  if (first === '--version' || (first !== undefined && args[0] === '--version')) {
    proc.stdout.write(`faces ${FACES_VERSION}\n`);
    return;
  }
  let name = first;
  if (name === undefined) {
    try {
      name = readServiceName(proc.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      proc.stderr.write(`faces: no command given and ${error.message} (see faces --help)\n`);
      proc.exit(2);
    }
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    proc.stderr.write(`faces: unknown command ${JSON.stringify(name)} (see faces --help)\n`);
    proc.exit(2);
  }
  if (command.flags !== true && args.length > 0) {
    if (args[0] !== undefined && HELP_FLAGS.has(args[0])) {
      proc.stdout.write(commandUsage(name, command));
      return;
    }
    proc.stderr.write(`faces ${name}: takes no arguments, got ${JSON.stringify(args[0])} (see faces ${name} --help)\n`);
    proc.exit(2);
  }
  await command.run(args, proc);
}

main(process).catch((error: unknown) => {
  process.stderr.write(`faces: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
