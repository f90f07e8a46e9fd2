import { ConfigError, runService, type ServiceDefinition } from '@faces/kit';
import { type McpConfig, readMcpConfig } from './config.js';
import { buildMcpApp } from './http-app.js';
import { runStdio } from './stdio.js';

/** The HTTP side, run like every other service (health, metrics, drain and shutdown). */
export const mcpService: ServiceDefinition<McpConfig> = {
  readConfig: readMcpConfig,
  kitConfig: (config) => config.kit,
  buildApp: (config) => buildMcpApp(config),
};

/** `faces mcp` (and FACES_SERVICE=mcp): stdio or HTTP, as TRANSPORT says. */
export async function runMcp(proc: NodeJS.Process): Promise<void> {
  let config: McpConfig;
  try {
    config = readMcpConfig(proc.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    proc.stderr.write(`faces mcp: ${error.message}\n`);
    proc.exit(2);
  }
  if (config.transport === 'stdio') return runStdio(config, proc);
  return runService('mcp', mcpService, proc);
}
