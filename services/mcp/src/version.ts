/** The version the server gives in its initialize answer: the workspace's. */
export const MCP_VERSION = '0.1.0';
