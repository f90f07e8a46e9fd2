import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Dialect, type LoadOptions, parseLoadArgs, usage } from './flags.js';

const URL_ARG = 'http://face-canary.faces/';

function options(args: string[], dialect: Dialect = 'faces'): LoadOptions {
  const outcome = parseLoadArgs(args, dialect);
  assert.equal(outcome.kind, 'options', JSON.stringify(outcome));
  if (outcome.kind !== 'options') throw new Error('unreachable');
  return outcome.options;
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
    { args: ['-c', '0', URL_ARG], message: /cannot be smaller than 1/ },
    { args: ['-z', '1s', '-c', '0', URL_ARG], message: /-c cannot be smaller than 1/ },
  ];
  for (const { args, dialect, message } of cases) {
    const outcome = parseLoadArgs(args, dialect ?? 'faces');
    assert.equal(outcome.kind, 'error', JSON.stringify(args));
    if (outcome.kind === 'error') assert.match(outcome.message, message, JSON.stringify(args));
  }
});

test('-z wins over -n, so -n may be below -c', () => {
  assert.equal(options(['-z', '1s', '-n', '1', '-c', '5', URL_ARG]).durationMs, 1000);
});

test('asks for help on -help, and on -h only in the faces dialect', () => {
  assert.equal(parseLoadArgs(['-help'], 'hey').kind, 'help');
  assert.equal(parseLoadArgs(['--help'], 'faces').kind, 'help');
  assert.equal(parseLoadArgs(['-h'], 'faces').kind, 'help');
  assert.match(usage('faces'), /--fail-under/);
  assert.doesNotMatch(usage('hey'), /fail-under/);
});
