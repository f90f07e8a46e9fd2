export { type McpConfig, readMcpConfig, TRANSPORTS } from './config.js';
export { buildMcpApp, MCP_PATH, MESSAGES_PATH, SSE_PATH } from './http-app.js';
export { LIMITS } from './limits.js';
export { mcpService, runMcp } from './service.js';
