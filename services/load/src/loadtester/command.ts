import { fail, ok, type Result } from '@faces/kit/result';
import { type LoadOptions, parseLoadArgs, shown } from '../flags.js';

/** The load run a command asks for, or why it is refused. */
export type CommandOutcome = Result<LoadOptions>;

export const SUPPORTED_COMMANDS = 'supported commands: "hey [flags] <url>" and "faces load [flags] <url>"';

/** Characters a shell would act on; we run no shell, so a command that needs one is refused. */
const SHELL_OPERATORS = new Set([';', '|', '&', '<', '>', '`', '$', '(', ')', '\n', '\r']);

/**
 * Splits a command line into words with the shell's quoting rules ('…', "…", \x) and nothing
 * else: no expansion, no operators. `metadata.cmd` is parsed here and never handed to a shell.
 */
export function splitWords(line: string): Result<string[]> {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? '';
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '$' || char === '`') return fail(`shell expansion (${char}) is not supported`);
      else if (char === '\\' && ['"', '\\'].includes(line[i + 1] ?? '')) word += line[++i];
      else word += char;
      continue;
    }
    if (char === ' ' || char === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    if (SHELL_OPERATORS.has(char)) {
      return fail(`shell syntax (${JSON.stringify(char)}) is not supported: the command runs without a shell`);
    }
    inWord = true;
    if (char === "'" || char === '"') quote = char;
    else if (char === '\\') {
      if (i + 1 >= line.length) return fail('a trailing backslash escapes nothing');
      word += line[++i];
    } else word += char;
  }
  if (quote !== undefined) return fail(`unterminated ${quote} quote`);
  if (inWord) words.push(word);
  return ok(words);
}

/** `metadata.cmd` → what to run: `hey …` (hey's flags only) or `faces load …` (ours too). */
export function parseCommand(line: string): CommandOutcome {
  const split = splitWords(line);
  if (!split.ok) return fail(`${split.reason}; ${SUPPORTED_COMMANDS}`);
  const [first, second, ...rest] = split.value;
  let outcome: ReturnType<typeof parseLoadArgs>;
  if (first === 'hey') outcome = parseLoadArgs(second === undefined ? rest : [second, ...rest], 'hey');
  else if (first === 'faces' && second === 'load') outcome = parseLoadArgs(rest, 'faces');
  else {
    const name = first === 'faces' ? `faces ${second ?? ''}`.trim() : (first ?? '');
    return fail(`unsupported command ${shown(name)}; ${SUPPORTED_COMMANDS}`);
  }
  if (!outcome.ok) return fail(`${first === 'hey' ? 'hey' : 'faces load'}: ${outcome.reason}`);
  if (outcome.value === 'help') return fail(`help is not a load run; ${SUPPORTED_COMMANDS}`);
  return ok(outcome.value);
}
