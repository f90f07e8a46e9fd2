import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { Recorder } from './recorder.js';
import { formatProgress, formatSummary } from './report.js';

test("the summary has hey's sections plus the success rate", () => {
  const recorder = new Recorder();
  for (let i = 1; i <= 8; i++) recorder.recordResponse(i > 6 ? 500 : 200, i * 10, 5);
  recorder.recordError('connect ECONNREFUSED 127.0.0.1:9');
  const text = formatSummary(recorder.summary(1000));
  for (const expected of [
    /^Summary:$/m,
    /^ {2}Total:\t1\.0000 secs$/m,
    /^ {2}Slowest:\t0\.0800 secs$/m,
    /^ {2}Requests\/sec:\t9\.0000$/m,
    /^ {2}Success rate:\t66\.67% \(2xx and 3xx of 9 requests\)$/m,
    /^Response time histogram:$/m,
    /^Latency distribution:\n {2}10% in /m,
    /^ {2}99% in 0\.0800 secs$/m,
    /^Status code distribution:\n {2}\[200\]\t6 responses\n {2}\[500\]\t2 responses$/m,
    /^Error distribution:\n {2}\[1\]\tconnect ECONNREFUSED 127\.0\.0\.1:9$/m,
  ]) {
    assert.match(text, expected);
  }
});

test('a run with no answers prints no histogram and no status codes', () => {
  const recorder = new Recorder();
  recorder.recordError('timeout');
  const text = formatSummary(recorder.summary(1000));
  assert.doesNotMatch(text, /histogram|Status code/);
  assert.match(text, /Success rate:\t0\.00%/);
});

test('the progress line shows count, rate and success', () => {
  assert.equal(formatProgress(120, 75, 3000), '120 requests in 3.0s (40.0/s), success 75.0%');
});
