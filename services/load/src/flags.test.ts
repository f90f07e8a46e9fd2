import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Dialect, type LoadOptions, parseLoadArgs, shown, usage } from './flags.js';
import {
  MAX_BODY_BYTES,
  MAX_CPUS,
  MAX_DURATION_MS,
  MAX_HEADER_BYTES,
  MAX_RATE_PER_WORKER,
  MAX_REQUESTS,
  MAX_TIMEOUT_SECONDS,
  MAX_WORKERS,
} from './limits.js';

const URL_ARG = 'http://face-canary.faces/';

function options(args: string[], dialect: Dialect = 'faces'): LoadOptions {
  const outcome = parseLoadArgs(args, dialect);
  assert.ok(outcome.ok && outcome.value !== 'help', JSON.stringify(outcome));
  return outcome.value;
}

test("parses the workshop's webhook command with hey's defaults for the rest", () => {
  const parsed = options(['-z', '2m', '-q', '10', '-c', '2', URL_ARG], 'hey');
  assert.equal(parsed.durationMs, 120_000);
  assert.equal(parsed.ratePerWorker, 10);
  assert.equal(parsed.workers, 2);
  assert.equal(parsed.url.href, URL_ARG);
  assert.equal(parsed.method, 'GET');
  assert.equal(parsed.requests, 200);
  assert.equal(parsed.timeoutMs, 20_000);
  assert.deepEqual(parsed.headers, {});
  assert.equal(parsed.json, false);
  assert.equal(parsed.failUnder, undefined);
});

test('reads each flag in every spelling Go accepts', () => {
  const cases: { name: string; args: string[]; check: (o: LoadOptions) => unknown; expected: unknown }[] = [
    { name: '-n N', args: ['-n', '7', '-c', '1'], check: (o) => o.requests, expected: 7 },
    { name: '--n=N', args: ['--n=7', '-c=1'], check: (o) => o.requests, expected: 7 },
    { name: '-c', args: ['-c', '3'], check: (o) => o.workers, expected: 3 },
    { name: '-q decimal', args: ['-q', '2.5'], check: (o) => o.ratePerWorker, expected: 2.5 },
    { name: '-z', args: ['-z=1m30s'], check: (o) => o.durationMs, expected: 90_000 },
    { name: '-m lowercased', args: ['-m', 'post'], check: (o) => o.method, expected: 'POST' },
    { name: '-t', args: ['-t', '0'], check: (o) => o.timeoutMs, expected: 0 },
    { name: '-d', args: ['-d', '-not-a-flag'], check: (o) => o.body, expected: '-not-a-flag' },
    {
      name: '-host (one dash, long name)',
      args: ['-host', 'face.example'],
      check: (o) => o.headers,
      expected: { Host: 'face.example' },
    },
    { name: '--host', args: ['--host=face.example'], check: (o) => o.headers, expected: { Host: 'face.example' } },
    {
      name: '-H repeatable',
      args: ['-H', 'x-faces-user: testuser', '-H', 'Accept:text/plain'],
      check: (o) => o.headers,
      expected: { 'x-faces-user': 'testuser', Accept: 'text/plain' },
    },
    {
      name: '-H later wins',
      args: ['-H', 'X-A: 1', '-H', 'x-a: 2'],
      check: (o) => o.headers,
      expected: { 'x-a': '2' },
    },
    { name: '-U', args: ['-U', 'me'], check: (o) => o.headers, expected: { 'User-Agent': 'me' } },
    { name: '--json', args: ['--json'], check: (o) => o.json, expected: true },
    { name: '-json=false', args: ['-json=false'], check: (o) => o.json, expected: false },
    { name: '--fail-under', args: ['--fail-under', '70'], check: (o) => o.failUnder, expected: 70 },
    { name: '-fail-under=99.5', args: ['-fail-under=99.5'], check: (o) => o.failUnder, expected: 99.5 },
    { name: '-cpus is accepted', args: ['-cpus', '4'], check: (o) => o.workers, expected: 50 },
    { name: '-- ends the flags', args: ['--'], check: (o) => o.url.href, expected: URL_ARG },
  ];
  for (const { name, args, check, expected } of cases) {
    assert.deepEqual(check(options([...args, URL_ARG])), expected, name);
  }
});

test('refuses bad flags with a message naming the flag', () => {
  const cases: { args: string[]; dialect?: Dialect; message: RegExp }[] = [
    { args: ['-x', '1', URL_ARG], message: /-x/ },
    { args: ['-bogus', URL_ARG], message: /not defined: -bogus/ },
    { args: ['-n', 'ten', URL_ARG], message: /flag -n/ },
    { args: ['-n', '-5', URL_ARG], message: /flag -n/ },
    { args: ['-c', '1.5', URL_ARG], message: /flag -c/ },
    { args: ['-q', 'fast', URL_ARG], message: /flag -q/ },
    { args: ['-z', '10', URL_ARG], message: /flag -z/ },
    { args: ['-H', 'no-colon', URL_ARG], message: /flag -H/ },
    { args: ['-H', 'Name:', URL_ARG], message: /flag -H/ },
    { args: ['-m', 'GET /', URL_ARG], message: /flag -m/ },
    { args: ['--fail-under', '101', URL_ARG], message: /flag -fail-under/ },
    { args: ['-json=maybe', URL_ARG], message: /-json/ },
    { args: ['-z'], message: /needs an argument: -z/ },
    { args: ['---z', '1s', URL_ARG], message: /bad flag syntax/ },
    { args: ['-h', 'x: y', URL_ARG], dialect: 'hey', message: /-h is deprecated/ },
    { args: ['-h2', URL_ARG], message: /-h2 \(a hey flag\) is not supported/ },
    // Our own flags are not hey's: a hey command must run with real hey too.
    { args: ['--json', URL_ARG], dialect: 'hey', message: /not defined: -json/ },
    { args: ['--fail-under', '70', URL_ARG], dialect: 'hey', message: /not defined: -fail-under/ },
    { args: [], message: /URL is required/ },
    { args: [URL_ARG, '--json'], message: /flags go before the URL/ },
    { args: ['face-canary.faces'], message: /invalid URL/ },
    { args: ['ftp://face/'], message: /http:\/\// },
    { args: ['-n', '1', '-c', '2', URL_ARG], message: /-n cannot be less than -c/ },
    { args: ['-c', '0', URL_ARG], message: /flag -c: want a whole number from 1 to/ },
    { args: ['-z', '1s', '-c', '0', URL_ARG], message: /flag -c: want a whole number from 1 to/ },
    { args: ['-n', '0', URL_ARG], message: /-n cannot be smaller than 1/ },
  ];
  for (const { args, dialect, message } of cases) {
    const outcome = parseLoadArgs(args, dialect ?? 'faces');
    assert.equal(outcome.ok, false, JSON.stringify(args));
    if (!outcome.ok) assert.match(outcome.reason, message, JSON.stringify(args));
  }
});

test('-z wins over -n, so -n may be below -c', () => {
  assert.equal(options(['-z', '1s', '-n', '1', '-c', '5', URL_ARG]).durationMs, 1000);
});

test('asks for help on -help, and on -h only in the faces dialect', () => {
  assert.deepEqual(parseLoadArgs(['-help'], 'hey'), { ok: true, value: 'help' });
  assert.deepEqual(parseLoadArgs(['--help'], 'faces'), { ok: true, value: 'help' });
  assert.deepEqual(parseLoadArgs(['-h'], 'faces'), { ok: true, value: 'help' });
  assert.match(usage('faces'), /--fail-under/);
  assert.doesNotMatch(usage('hey'), /fail-under/);
});

/** The refusal of one flag, or undefined when the arguments parse. */
function refusal(args: string[], dialect: Dialect = 'hey'): string | undefined {
  const outcome = parseLoadArgs([...args, URL_ARG], dialect);
  return outcome.ok ? undefined : outcome.reason;
}

test('every numeric flag takes its maximum and refuses one more, naming the flag, value and range', () => {
  const whole = (flag: string, min: number, max: number) =>
    `invalid value "${max + 1}" for flag -${flag}: want a whole number from ${min} to ${max}`;
  const cases: { name: string; at: string[]; past: string[]; message: string }[] = [
    {
      name: '-c',
      at: ['-z', '1s', '-c', `${MAX_WORKERS}`],
      past: ['-z', '1s', '-c', `${MAX_WORKERS + 1}`],
      message: whole('c', 1, MAX_WORKERS),
    },
    {
      name: '-n',
      at: ['-n', `${MAX_REQUESTS}`],
      past: ['-n', `${MAX_REQUESTS + 1}`],
      message: whole('n', 0, MAX_REQUESTS),
    },
    {
      name: '-t',
      at: ['-t', `${MAX_TIMEOUT_SECONDS}`],
      past: ['-t', `${MAX_TIMEOUT_SECONDS + 1}`],
      message: whole('t', 0, MAX_TIMEOUT_SECONDS),
    },
    {
      name: '-cpus',
      at: ['-cpus', `${MAX_CPUS}`],
      past: ['-cpus', `${MAX_CPUS + 1}`],
      message: whole('cpus', 0, MAX_CPUS),
    },
    {
      name: '-q',
      at: ['-q', `${MAX_RATE_PER_WORKER}`],
      past: ['-q', `${MAX_RATE_PER_WORKER}.001`],
      message: `invalid value "${MAX_RATE_PER_WORKER}.001" for flag -q: want a number from 0 to ${MAX_RATE_PER_WORKER} (requests per second per worker; 0 is no limit)`,
    },
    {
      name: '-z',
      at: ['-z', `${MAX_DURATION_MS / 3_600_000}h`],
      past: ['-z', `${MAX_DURATION_MS + 1}ms`],
      message: `invalid value "${MAX_DURATION_MS + 1}ms" for flag -z: want a duration from 0 to 24h, such as 30s, 2m or 1h30m`,
    },
  ];
  for (const { name, at, past, message } of cases) {
    assert.equal(refusal(at), undefined, `${name} at its maximum`);
    assert.equal(refusal(past), message, `${name} past its maximum`);
  }
});

test('near misses and hostile numbers are refused by the flag they were given to', () => {
  const cases: { args: string[]; flag: string }[] = [
    { args: ['-c', '0'], flag: 'c' },
    { args: ['-c', '-1'], flag: 'c' },
    { args: ['-c', 'ten'], flag: 'c' },
    { args: ['-c', '1e9'], flag: 'c' },
    { args: ['-c', '10000000'], flag: 'c' },
    { args: ['-c', '9'.repeat(400)], flag: 'c' },
    { args: ['-n', '1e12'], flag: 'n' },
    { args: ['-n', '1000000000000'], flag: 'n' },
    { args: ['-n', '-200'], flag: 'n' },
    { args: ['-n', '0x10'], flag: 'n' },
    { args: ['-t', '3000000'], flag: 't' },
    { args: ['-t', '-1'], flag: 't' },
    { args: ['-cpus', '1e9'], flag: 'cpus' },
    { args: ['-q', '1e9'], flag: 'q' },
    { args: ['-q', '1e400'], flag: 'q' },
    { args: ['-q', '-1'], flag: 'q' },
    { args: ['-q', 'NaN'], flag: 'q' },
    { args: ['-q', 'Infinity'], flag: 'q' },
    { args: ['-z', '10000h'], flag: 'z' },
    { args: ['-z', '24h0m0.001s'], flag: 'z' },
    { args: ['-z', '-1s'], flag: 'z' },
    { args: ['-z', '1e9h'], flag: 'z' },
  ];
  for (const { args, flag } of cases) {
    const message = refusal(args) ?? 'accepted';
    assert.match(
      message,
      new RegExp(`^invalid value ".*"( \\(\\d+ bytes\\))? for flag -${flag}: want `),
      args.join(' '),
    );
    assert.ok(message.length < 200 && !message.includes('\n'), `one short line: ${message}`);
  }
});

test("takes Go's float spellings for -q within its bound", () => {
  for (const [value, expected] of [
    ['1e3', 1000],
    ['2.5', 2.5],
    ['.5', 0.5],
    ['2.', 2],
    ['0', 0],
    ['1E-1', 0.1],
  ] as const) {
    assert.equal(options(['-q', value, URL_ARG]).ratePerWorker, expected, value);
  }
});

test('-d takes a body up to its byte bound, counted in UTF-8', () => {
  assert.equal(options(['-d', 'x'.repeat(MAX_BODY_BYTES), URL_ARG]).body?.length, MAX_BODY_BYTES);
  assert.equal(
    refusal(['-d', 'x'.repeat(MAX_BODY_BYTES + 1)]),
    `invalid value "${'x'.repeat(32)}…" (${MAX_BODY_BYTES + 1} bytes) for flag -d: want a body of at most ${MAX_BODY_BYTES} bytes (128 KiB)`,
  );
  // Two bytes a character: half as many characters fit.
  assert.match(
    refusal(['-d', 'é'.repeat(MAX_BODY_BYTES / 2 + 1)]) ?? 'accepted',
    /for flag -d: want a body of at most/,
  );
  assert.equal(refusal(['-d', 'é'.repeat(MAX_BODY_BYTES / 2)]), undefined);
});

test('-H, -A, -T, -U and -host share one header byte bound; a replaced header counts once', () => {
  // "x-pad: " + value + CRLF is exactly the bound.
  const fits = 'v'.repeat(MAX_HEADER_BYTES - 'x-pad: \r\n'.length);
  assert.equal(refusal(['-H', `x-pad: ${fits}`]), undefined);
  assert.match(
    refusal(['-H', `x-pad: ${fits}v`]) ?? 'accepted',
    /^invalid value "x-pad: v+…" \(\d+ bytes\) for flag -H: want headers of at most 16384 bytes \(16 KiB\) in all; with this one they come to 16385$/,
  );
  assert.match(refusal(['-H', `x-pad: ${fits}`, '-A', 'text/plain']) ?? 'accepted', /for flag -A: want headers/);
  assert.match(refusal(['-H', `x-pad: ${fits}`, '-host', 'h']) ?? 'accepted', /for flag -host: want headers/);
  assert.equal(refusal(['-H', `x-pad: ${fits}`, '-H', `X-Pad: ${fits}`]), undefined, 'the second replaces the first');
  const many = Array.from({ length: 40 }, (_, i) => ['-H', `x-${i}: ${'y'.repeat(500)}`]).flat();
  assert.match(refusal(many) ?? 'accepted', /for flag -H: want headers of at most/);
});

test('messages quote long values cut short, so any refusal is one short line', () => {
  assert.equal(shown('abc'), '"abc"');
  assert.equal(shown('a\nb'), '"a\\nb"');
  assert.equal(shown('z'.repeat(33)), `"${'z'.repeat(32)}…" (33 bytes)`);
  for (const args of [
    [`--${'x'.repeat(5000)}`],
    ['-a\nb'],
    ['-x'.repeat(5000)],
    [`ftp://${'h'.repeat(100_000)}/`],
    [`http://[${'h'.repeat(100_000)}`],
    [URL_ARG, 'y'.repeat(9000)],
  ]) {
    const outcome = parseLoadArgs(args, 'hey');
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assert.ok(outcome.reason.length < 200 && !outcome.reason.includes('\n'), outcome.reason);
  }
});
