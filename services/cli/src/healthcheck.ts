import { ConfigError, readInt, readRaw } from '@faces/kit';

/** Slim images have no curl: the image's HEALTHCHECK runs this instead. */
export async function healthcheck(proc: NodeJS.Process): Promise<void> {
  try {
    // faces mcp listens on the original MCP server's port, 3000, unless PORT says otherwise.
    const port = readInt(proc.env, 'PORT', readRaw(proc.env, 'FACES_SERVICE') === 'mcp' ? 3000 : 8000, 1, 65535);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    proc.exitCode = response.status === 200 ? 0 : 1;
    if (response.status !== 200) proc.stderr.write(`faces healthcheck: /healthz answered ${response.status}\n`);
  } catch (error) {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    proc.stderr.write(`faces healthcheck: ${message}\n`);
    proc.exitCode = 1;
  }
}
