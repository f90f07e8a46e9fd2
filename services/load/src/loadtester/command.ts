import { type LoadOptions, parseLoadArgs, shown } from '../flags.js';

export type CommandOutcome =
  | { readonly kind: 'load'; readonly options: LoadOptions }
  | { readonly kind: 'error'; readonly message: string };

export const SUPPORTED_COMMANDS = 'supported commands: "hey [flags] <url>" and "faces load [flags] <url>"';

/** Characters a shell would act on; we run no shell, so a command that needs one is refused. */
const SHELL_OPERATORS = new Set([';', '|', '&', '<', '>', '`', '$', '(', ')', '\n', '\r']);

/**
 * Splits a command line into words with the shell's quoting rules ('…', "…", \x) and nothing
 * else: no expansion, no operators. `metadata.cmd` is parsed here and never handed to a shell.
 */
export function splitWords(line: string): { words: string[] } | { error: string } {
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
      else if (char === '$' || char === '`') return { error: `shell expansion (${char}) is not supported` };
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
      return { error: `shell syntax (${JSON.stringify(char)}) is not supported: the command runs without a shell` };
    }
    inWord = true;
    if (char === "'" || char === '"') quote = char;
    else if (char === '\\') {
      if (i + 1 >= line.length) return { error: 'a trailing backslash escapes nothing' };
      word += line[++i];
    } else word += char;
  }
  if (quote !== undefined) return { error: `unterminated ${quote} quote` };
  if (inWord) words.push(word);
  return { words };
}

/** `metadata.cmd` → what to run: `hey …` (hey's flags only) or `faces load …` (ours too). */
export function parseCommand(line: string): CommandOutcome {
  const split = splitWords(line);
  if ('error' in split) return { kind: 'error', message: `${split.error}; ${SUPPORTED_COMMANDS}` };
  const [first, second, ...rest] = split.words;
  let outcome: ReturnType<typeof parseLoadArgs>;
  if (first === 'hey') outcome = parseLoadArgs(second === undefined ? rest : [second, ...rest], 'hey');
  else if (first === 'faces' && second === 'load') outcome = parseLoadArgs(rest, 'faces');
  else {
    const name = first === 'faces' ? `faces ${second ?? ''}`.trim() : (first ?? '');
    return { kind: 'error', message: `unsupported command ${shown(name)}; ${SUPPORTED_COMMANDS}` };
  }
  if (outcome.kind === 'help') return { kind: 'error', message: `help is not a load run; ${SUPPORTED_COMMANDS}` };
  if (outcome.kind === 'error')
    return { kind: 'error', message: `${first === 'hey' ? 'hey' : 'faces load'}: ${outcome.message}` };
  return outcome.kind === 'options' ? { kind: 'load', options: outcome.options } : outcome;
}
