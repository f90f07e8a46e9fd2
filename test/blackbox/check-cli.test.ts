// `faces check`, what the chart's `helm test` pod runs, against real processes on loopback: it
// passes on a working stack (faults at the chart's defaults included) and fails with one line
// naming what is wrong: a backend that is not ready, or no whole face in its tries.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPort } from '../helpers/backends.js';
import { renderChart } from '../helpers/helm.js';
import { find } from '../helpers/manifests.js';
import { runFacesToExit } from '../helpers/processes.js';
import { type Stack, startStack } from '../helpers/stack.js';
import { at } from '../helpers/yaml-docs.js';

/** The chart's `helm test` pod's arguments, each in-cluster Service URL pointed at the stack's process. */
function chartCheckArgs(stack: Stack, helmArgs: string[]): string[] {
  const pod = find(renderChart(helmArgs), 'Pod', 'faces-check');
  const args = at(pod, 'spec', 'containers', 0, 'args') as string[];
  const urls: Record<string, string> = { 'faces-gui': stack.gui.url, face: stack.face.url };
  return args.map((arg) => {
    const host = /^http:\/\/([a-z0-9-]+)\.faces$/.exec(arg)?.[1];
    if (host === undefined) return arg;
    return urls[host] ?? (host.startsWith('smiley') ? stack.smiley.url : stack.color.url);
  });
}

describe('faces check on a stack with the chart’s default faults (20 % errors, delays)', () => {
  let stack: Stack;
  before(async () => {
    const faults = { ERROR_FRACTION: '20', DELAY_BUCKETS: '0,5,10' };
    stack = await startStack({ smiley: faults, color: faults, face: { ERROR_FRACTION: '20' } });
  });
  after(() => stack?.stop());

  it('passes: every service is ready and a whole face comes through the GUI', async () => {
    const ready = [stack.gui, stack.face, stack.smiley, stack.color].flatMap((s) => ['--ready', s.url]);
    const result = await runFacesToExit(['check', '--gui', stack.gui.url, ...ready]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^faces check: a whole face from http:\/\/127\.0\.0\.1:\d+\/face\/ on try \d+, 4 services ready\n$/,
    );
    assert.equal(result.stderr, '');
  });

  for (const [what, helmArgs] of [
    ['the defaults', []],
    ['rollouts on', ['--set', 'rollouts.enabled=true', '--set', 'smiley2.enabled=true']],
  ] as const) {
    it(`passes with the arguments of the chart's helm test pod (${what})`, async () => {
      const result = await runFacesToExit(chartCheckArgs(stack, [...helmArgs]));
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^faces check: a whole face from .* services ready\n$/);
    });
  }

  it('fails in one line when a --ready service cannot be reached', async () => {
    const port = await closedPort();
    const result = await runFacesToExit(['check', '--gui', stack.gui.url, '--ready', `http://127.0.0.1:${port}`]);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, `faces check: cannot reach http://127.0.0.1:${port}/readyz: ECONNREFUSED\n`);
  });
});

describe('faces check when smiley always fails', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ smiley: { ERROR_FRACTION: '100' }, face: { ERROR_FRACTION: '0' } });
  });
  after(() => stack?.stop());

  it('fails after its tries, naming the last reason', async () => {
    const result = await runFacesToExit(['check', '--gui', stack.gui.url, '--ready', stack.smiley.url, '--tries', '3']);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^faces check: no whole face from http:\/\/127\.0\.0\.1:\d+\/face\/ in 3 tries; the last: a face degraded by upstream-error;backend=smiley\n$/,
    );
  });
});

it('faces check refuses bad arguments with exit 2 and the usage', async () => {
  const result = await runFacesToExit(['check', '--gui', 'ftp://x']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^faces check: --gui must be http:\/\/, was "ftp:\/\/x"\nusage: faces check/);
});
