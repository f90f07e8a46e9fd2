import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { controlUrl, parseFaultsArgs } from './faults-args.js';
import { faultsTable } from './faults-table.js';

describe('parseFaultsArgs', () => {
  it('takes the target, the user and every setting, in both flag forms', () => {
    const parsed = parseFaultsArgs([
      '--target',
      'http://127.0.0.1:8001',
      '--user=testuser',
      '--error-fraction',
      '75',
      '--latch-fraction=0',
      '--delay-buckets',
      '0,500',
      '--max-rate',
      '2.5',
    ]);
    assert.ok(parsed.ok && parsed.value !== 'help');
    const options = parsed.value;
    assert.equal(options.url.href, 'http://127.0.0.1:8001/faults');
    assert.equal(options.user, 'testuser');
    assert.deepEqual(options.settings, {
      errorFraction: '75',
      latchFraction: '0',
      delayBuckets: '0,500',
      maxRate: '2.5',
    });
    assert.equal(options.reset, false);
  });

  const errors: { args: string[]; message: RegExp }[] = [
    { args: [], message: /--target URL is required/ },
    { args: ['--target'], message: /--target needs a value/ },
    { args: ['--target', 'smiley:80'], message: /is not an http:\/\/ or https:\/\/ URL/ },
    { args: ['--target', 'http://x', '--error-fractions', '5'], message: /unknown argument "--error-fractions"/ },
    { args: ['--target', 'http://x', '-error-fraction', '5'], message: /unknown argument "-error-fraction"/ },
    { args: ['--target', 'http://x', '--user', 'a', '--user', 'b'], message: /--user is given twice/ },
    { args: ['--target', 'http://x', 'stray'], message: /unknown argument "stray"/ },
    { args: ['--target', 'http://x', '--reset=yes'], message: /unknown argument "--reset=yes"/ },
    {
      args: ['--target', 'http://x', '--reset', '--error-fraction', '5'],
      message: /--reset .* takes no setting flags/,
    },
  ];
  for (const { args, message } of errors) {
    it(`refuses ${JSON.stringify(args)}`, () => {
      const parsed = parseFaultsArgs(args);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.reason, message);
    });
  }

  it('keeps a control path as it is, and adds /faults to a service URL', () => {
    const cases: [string, string][] = [
      ['http://smiley.faces', 'http://smiley.faces/faults'],
      ['http://smiley.faces/', 'http://smiley.faces/faults'],
      ['http://faces-gui.faces/faults/smiley', 'http://faces-gui.faces/faults/smiley'],
      ['http://face.faces/faults', 'http://face.faces/faults'],
      ['http://ingress/faces/', 'http://ingress/faces/faults'],
      ['http://face.faces/faultsx', 'http://face.faces/faultsx/faults'],
    ];
    for (const [target, expected] of cases) assert.equal(controlUrl(target)?.href, expected, target);
  });

  it('asks for help with --help', () => {
    assert.deepEqual(parseFaultsArgs(['--help']), { ok: true, value: 'help' });
    assert.deepEqual(parseFaultsArgs(['-h']), { ok: true, value: 'help' });
  });
});

describe('faultsTable', () => {
  it('aligns the environment, everyone else and each user in columns', () => {
    const quiet = { errorFraction: 0, latchFraction: 0, delayBuckets: [], maxRate: 0 };
    const table = faultsTable({
      environment: quiet,
      base: { ...quiet, errorFraction: 20 },
      users: { testuser: { errorFraction: 100, latchFraction: 5, delayBuckets: [0, 500], maxRate: 2.5 } },
    });
    assert.equal(
      table,
      [
        'settings         error %  latch %  delay buckets (ms)  max rate (RPS)',
        'environment      0        0        none                off',
        'everyone else    20       0        none                off',
        'user "testuser"  100      5        0,500               2.5',
        '',
      ].join('\n'),
    );
  });
});
