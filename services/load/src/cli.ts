import { startLoad } from './engine.js';
import { parseLoadArgs, usage } from './flags.js';
import { formatProgress, formatSummary } from './report.js';

/**
 * `faces load [flags] <url>`: exit 0, 1 when the success rate is under --fail-under, 2 on bad flags
 * (one line on stderr naming the flag, the value and what is allowed).
 * Ctrl-C stops the run and still prints what was measured, as hey does.
 */
export async function loadCommand(
  args: readonly string[],
  proc: NodeJS.Process,
  progressEveryMs = 1000,
): Promise<void> {
  const outcome = parseLoadArgs(args, 'faces');
  if (!outcome.ok) {
    // One line, as every config error (naming the flag, the value and what is allowed); --help prints the flags.
    proc.stderr.write(`faces load: ${outcome.reason}\n`);
    proc.exitCode = 2;
    return;
  }
  if (outcome.value === 'help') {
    proc.stdout.write(usage('faces'));
    return;
  }
  const options = outcome.value;
  const run = startLoad(options);
  const onSignal = () => run.stop();
  proc.once('SIGINT', onSignal);
  proc.once('SIGTERM', onSignal);
  const live = proc.stdout.isTTY === true && !options.json;
  const ticker = live
    ? setInterval(() => {
        const { requests, successRate, elapsedMs } = run.progress();
        proc.stdout.write(`\r\x1b[K${formatProgress(requests, successRate, elapsedMs)}`);
      }, progressEveryMs)
    : undefined;
  const summary = await run.result;
  clearInterval(ticker);
  proc.off('SIGINT', onSignal);
  proc.off('SIGTERM', onSignal);
  if (live) proc.stdout.write('\r\x1b[K');
  proc.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  if (options.failUnder !== undefined && summary.successRate < options.failUnder) {
    proc.stderr.write(
      `faces load: success rate ${summary.successRate.toFixed(2)}% is under --fail-under ${options.failUnder}%\n`,
    );
    proc.exitCode = 1;
  }
}
