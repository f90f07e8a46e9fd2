import { Agent, request } from 'undici';

/** One kept-alive agent for a test file's many requests; close it in t.after. */
export function createAgent(connections = 16): Agent {
  return new Agent({ connections, keepAliveTimeout: 10_000 });
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export async function get(
  url: string,
  options: {
    agent?: Agent;
    headers?: Record<string, string>;
    method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
    body?: string;
  } = {},
): Promise<Answer> {
  const response = await request(url, {
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(options.agent === undefined ? {} : { dispatcher: options.agent }),
  });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

/** Runs `count` GETs with at most `concurrency` at once and returns their statuses in order. */
export async function getMany(
  url: string,
  count: number,
  concurrency: number,
  agent: Agent,
  headers: Record<string, string> = {},
): Promise<number[]> {
  const statuses = new Array<number>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const response = await request(url, { dispatcher: agent, headers });
      await response.body.dump();
      statuses[index] = response.statusCode;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}
