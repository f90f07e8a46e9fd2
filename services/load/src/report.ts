import type { LoadSummary } from './recorder.js';

const BAR = '■';
const BAR_WIDTH = 40;

const secs = (seconds: number): string => `${seconds.toFixed(4)} secs`;

/** The summary in hey's layout, with the success rate added (the number canaries are judged on). */
export function formatSummary(summary: LoadSummary): string {
  const lines = [
    '',
    'Summary:',
    `  Total:\t${secs(summary.totalSeconds)}`,
    `  Slowest:\t${secs(summary.slowestSeconds)}`,
    `  Fastest:\t${secs(summary.fastestSeconds)}`,
    `  Average:\t${secs(summary.averageSeconds)}`,
    `  Requests/sec:\t${summary.requestsPerSecond.toFixed(4)}`,
    `  Success rate:\t${summary.successRate.toFixed(2)}% (2xx and 3xx of ${summary.requests} requests)`,
    '',
    `  Total data:\t${summary.totalBytes} bytes`,
    `  Size/request:\t${Math.round(summary.bytesPerResponse)} bytes`,
  ];
  if (summary.histogram.length > 0) {
    const most = Math.max(...summary.histogram.map((bar) => bar.count));
    lines.push('', 'Response time histogram:');
    for (const { seconds, count } of summary.histogram) {
      const width = most === 0 ? 0 : Math.round((count * BAR_WIDTH) / most);
      lines.push(`  ${seconds.toFixed(3)} [${count}]\t|${BAR.repeat(width)}`);
    }
    lines.push('', 'Latency distribution:');
    for (const { percent, seconds } of summary.latencyPercentiles) {
      lines.push(`  ${percent}% in ${secs(seconds)}`);
    }
  }
  const statuses = Object.entries(summary.statusCodes);
  if (statuses.length > 0) {
    lines.push('', 'Status code distribution:');
    for (const [code, count] of statuses) lines.push(`  [${code}]\t${count} responses`);
  }
  const errors = Object.entries(summary.errors);
  if (errors.length > 0) {
    lines.push('', 'Error distribution:');
    for (const [message, count] of errors) lines.push(`  [${count}]\t${message}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** One line, rewritten in place on a terminal while a run goes on. */
export function formatProgress(requests: number, successRate: number, elapsedMs: number): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? requests / seconds : 0;
  return `${requests} requests in ${seconds.toFixed(1)}s (${rate.toFixed(1)}/s), success ${successRate.toFixed(1)}%`;
}
