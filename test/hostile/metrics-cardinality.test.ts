import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRng } from '@faces/kit';
import { Agent, type Dispatcher, request } from 'undici';
import { parsePrometheus } from '../helpers/prometheus.js';
import { type Stack, startStack } from '../helpers/stack.js';

const SERVICES = ['smiley', 'color', 'face', 'gui'] as const;
const REQUESTS = 2_000;
const METHODS: readonly Dispatcher.HttpMethod[] = [
  'GET',
  'GET',
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
];
/** Every path label may only be a route pattern, or `unmatched`. */
const ROUTE_PATTERNS = new Set([
  '/*',
  '/face/*',
  '/assets/*',
  '/',
  '/index.html',
  '/config.json',
  '/rl',
  '/healthz',
  '/readyz',
  '/ready',
  '/metrics',
  'unmatched',
]);

/** A seeded stream of unique, random-looking paths, some under the routes the services have. */
function randomPaths(seed: number, count: number): { method: Dispatcher.HttpMethod; path: string }[] {
  const rng = createRng(seed);
  const token = () => rng.int(0, 2 ** 31).toString(36);
  const prefixes = ['/', '/face/', '/assets/', '/center/', '/edge/x/', '/%2e%2e/', '/healthz/'];
  return Array.from({ length: count }, (_, index) => ({
    method: METHODS[rng.int(0, METHODS.length - 1)] ?? 'GET',
    path: `${prefixes[rng.int(0, prefixes.length - 1)]}${token()}-${index}/${token()}?${token()}=${token()}&row=${index}`,
  }));
}

async function sendAll(base: string, agent: Agent, requests: { method: Dispatcher.HttpMethod; path: string }[]) {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const { method, path } = requests[next++] ?? { method: 'GET', path: '/' };
      const response = await request(`${base}${path}`, { method, dispatcher: agent, headersTimeout: 10_000 });
      await response.body.dump();
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

describe('random paths, methods and queries against the request metrics', () => {
  let stack: Stack;
  const agent = new Agent({ connections: 16 });
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await agent.close();
    await stack?.stop();
  });

  for (const [index, service] of SERVICES.entries()) {
    it(`${service}: ${REQUESTS} unique requests leave a few series labelled by route pattern, and /metrics small`, async () => {
      const { url } = stack[service];
      await sendAll(url, agent, randomPaths(index + 1, REQUESTS));
      const scrape = await request(`${url}/metrics`, { dispatcher: agent });
      const text = await scrape.body.text();
      const series = parsePrometheus(text).filter((sample) => sample.name === 'http_request_duration_seconds_count');
      const total = series.reduce((sum, sample) => sum + sample.value, 0);
      const labels = [...new Set(series.map((sample) => sample.labels.path ?? ''))];
      const what = `${service}: ${series.length} series, paths ${JSON.stringify(labels.slice(0, 20))}`;
      assert.ok(total >= REQUESTS, `only ${total} requests counted; ${what}`);
      assert.deepEqual(
        labels.filter((label) => !ROUTE_PATTERNS.has(label)),
        [],
        what,
      );
      assert.ok(series.length <= 60, what);
      assert.ok(text.length < 128 * 1024, `${service}: /metrics is ${text.length} bytes`);
    });
  }
});
