import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommand, splitWords } from './command.js';

test('splitWords applies shell quoting and nothing more', () => {
  const cases: { line: string; expected: string[] }[] = [
    { line: 'hey -z 2m http://face-canary.faces/', expected: ['hey', '-z', '2m', 'http://face-canary.faces/'] },
    { line: "  hey  -H 'x-faces-user: testuser'  url ", expected: ['hey', '-H', 'x-faces-user: testuser', 'url'] },
    { line: 'hey -H "x-faces-user: test user" url', expected: ['hey', '-H', 'x-faces-user: test user', 'url'] },
    { line: 'hey -d "say \\"hi\\"" url', expected: ['hey', '-d', 'say "hi"', 'url'] },
    { line: 'a\'b\'"c"d', expected: ['abcd'] },
    { line: 'a\\ b', expected: ['a b'] },
    { line: "''", expected: [''] },
    { line: "'$HOME; rm -rf /'", expected: ['$HOME; rm -rf /'] },
  ];
  for (const { line, expected } of cases) {
    assert.deepEqual(splitWords(line), { ok: true, value: expected }, line);
  }
});

test('refuses anything a shell would interpret', () => {
  const cases = [
    'hey -z 1s http://face/; rm -rf /',
    'hey http://face/ && curl evil',
    'hey http://face/ | sh',
    'hey http://face/ > /etc/passwd',
    'hey $(cat /etc/passwd)',
    'hey `id`',
    'hey "$HOME"',
    'hey http://face/\nrm -rf /',
    'hey http://face/ &',
    "hey 'unterminated",
    'hey trailing\\',
  ];
  for (const line of cases) {
    const outcome = parseCommand(line);
    assert.equal(outcome.ok, false, line);
    if (!outcome.ok) assert.match(outcome.reason, /supported/, line);
  }
});

test('runs hey and faces load commands, and refuses every other program', () => {
  const accepted = [
    { line: 'hey -z 2m -q 10 -c 2 http://face-canary.faces/', workers: 2 },
    { line: "hey -z 1m -q 5 -c 2 -H 'x-faces-user: testuser' http://faces-gui-canary.faces/", workers: 2 },
    { line: 'faces load -n 100 -c 4 --fail-under 70 http://face-canary.faces/', workers: 4 },
  ];
  for (const { line, workers } of accepted) {
    const outcome = parseCommand(line);
    assert.equal(outcome.ok, true, line);
    if (outcome.ok) assert.equal(outcome.value.workers, workers, line);
  }
  const refused = [
    { line: 'curl http://face/', message: /unsupported command "curl"/ },
    { line: 'sh -c "hey http://face/"', message: /unsupported command "sh"/ },
    { line: '/usr/local/bin/hey http://face/', message: /unsupported command/ },
    { line: 'faces smiley', message: /unsupported command "faces smiley"/ },
    { line: 'FOO=1 hey http://face/', message: /unsupported command "FOO=1"/ },
    { line: '', message: /unsupported command ""/ },
    { line: 'hey --fail-under 70 http://face/', message: /hey: flag provided but not defined: -fail-under/ },
    { line: 'faces load -bogus http://face/', message: /faces load: flag provided but not defined: -bogus/ },
    { line: 'hey -help', message: /help is not a load run/ },
  ];
  for (const { line, message } of refused) {
    const outcome = parseCommand(line);
    assert.equal(outcome.ok, false, line);
    if (!outcome.ok) assert.match(outcome.reason, message, line);
  }
});
