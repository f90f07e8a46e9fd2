import type { Readable } from 'node:stream';

// runService logs one line once a service listens: {"port":N,…,"msg":"faces <name> listening"}.
// Whoever starts a service as a child (`faces all`, the tests, the bench) learns its port from it.

/** The message of that line, for the given service. */
export function listeningMessage(name: string): string {
  return `faces ${name} listening`;
}

const LISTENING = /"port":(\d+),.*"msg":"faces \S+ listening"/;

/** The port a "listening" log line names, or undefined for any other line. */
export function listeningPort(line: string): number | undefined {
  const port = LISTENING.exec(line)?.[1];
  return port === undefined ? undefined : Number(port);
}

/** Calls `onLine` with each complete line of a child's output, however the chunks split it. */
export function forEachLine(output: Readable, onLine: (line: string) => void): void {
  let buffered = '';
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      onLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  });
}
