import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandSummary, LOGGED_COMMAND_CHARS } from './command-summary.js';

describe('commandSummary', () => {
  const cases: [string, string][] = [
    [
      "faces load -H 'Authorization: Bearer s3cr3t-value' http://127.0.0.1:1/",
      "faces load -H 'Authorization: [redacted]' http://127.0.0.1:1/",
    ],
    [
      'hey -H "X-Api-Key: abc123" -H "Accept: text/html" http://x/',
      'hey -H "X-Api-Key: [redacted]" -H "Accept: text/html" http://x/',
    ],
    ['hey -H Cookie:session=1 http://x/', 'hey -H Cookie: [redacted] http://x/'],
    ['hey http://admin:hunter2@127.0.0.1:8080/a', 'hey http://[redacted]@127.0.0.1:8080/a'],
    ['hey http://x/?user=a&token=t0p&sig=zz', 'hey http://x/?user=a&token=[redacted]&sig=[redacted]'],
    ['faces load -c 2 -z 10s http://face:80/', 'faces load -c 2 -z 10s http://face:80/'],
  ];
  for (const [command, shown] of cases) {
    it(`shows ${JSON.stringify(command)} as ${JSON.stringify(shown)}`, () =>
      assert.equal(commandSummary(command), shown));
  }

  it('cuts a long command and says how long it was', () => {
    const command = `faces load http://x/ -H 'X-Pad: ${'a'.repeat(100_000)}'`;
    const shown = commandSummary(command);
    assert.ok(shown.length < LOGGED_COMMAND_CHARS + 40, `${shown.length} characters`);
    assert.match(shown, new RegExp(`… \\(${command.length} characters\\)$`));
  });
});
