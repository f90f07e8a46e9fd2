#!/usr/bin/env node
import { ConfigError, readServiceName } from '@faces/kit';
import { COMMANDS } from './commands.js';

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `usage: faces <command> [args]\n\ncommands:\n${lines.join('\n')}\n\nWith no command, faces runs the service named by FACES_SERVICE.\n`;
}

async function main(proc: NodeJS.Process): Promise<void> {
  const [first, ...args] = proc.argv.slice(2);
  if (first === '--help' || first === '-h' || first === 'help') {
    proc.stdout.write(usage());
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
  await command.run(args, proc);
}

main(process).catch((error: unknown) => {
  process.stderr.write(`faces: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
