import { type LoadSummary, startLoad } from '@faces/load';
import { get } from './http.js';
import { readRepoFile } from './repo.js';

/** The image the container check builds: the tag every manifest and docker-compose.yaml name. */
export const IMAGE = `ghcr.io/faces-demo/faces:${(JSON.parse(readRepoFile('package.json')) as { version: string }).version}`;

/** A GET on a published port; status 0 (and the error as body) while nothing answers yet. */
export async function ask(url: string): Promise<{ status: number; body: string }> {
  return get(url).catch((error: Error) => ({ status: 0, body: error.message }));
}

/** `faces load`'s engine on one URL: `workers` requests in flight, for `durationMs` or `requests` in all. */
export function load(
  url: string,
  workers: number,
  until: { durationMs: number } | { requests: number },
): Promise<LoadSummary> {
  return startLoad({
    url: new URL(url),
    method: 'GET',
    headers: {},
    body: undefined,
    workers,
    requests: 'requests' in until ? until.requests : 0,
    durationMs: 'durationMs' in until ? until.durationMs : 0,
    ratePerWorker: 0,
    timeoutMs: 10_000,
    json: false,
    failUnder: undefined,
  }).result;
}
