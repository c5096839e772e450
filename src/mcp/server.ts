import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { McpApi } from './api.js';
import { registerPrompts } from './prompts.js';
import { registerResources } from './resources.js';
import { installTools, type ToolDef } from './tool.js';
import { readTools } from './tools-read.js';
import { writeTools } from './tools-write.js';

/** Every tool, reading ones first. */
export const TOOLS: ToolDef[] = [...readTools, ...writeTools];

const INSTRUCTIONS = `Rapport keeps the user's informational interviews: people, employers, conversations, meetings, notes and what they produced.
Read the "method" resource before helping: requests ask for advice, never a job, in fewer than 75 words, connection first, ending with a question; follow up once after 7 business days; thank each person within 24 hours.
Find ids with search. Check every request with check_request (or draft it with draft_request) and show the user the findings. Log what the user actually sent or received with log_message; Rapport never sends anything itself.`;

/**
 * Rapport as an MCP server over the given API: tools, resources and prompts. The caller picks
 * the transport (stdio for `rapport mcp`, Streamable HTTP for `/mcp`). `readOnly` lists only
 * the tools that read.
 */
export function createMcpServer(api: McpApi, opts: { readOnly?: boolean } = {}): McpServer {
  const server = new McpServer(
    { name: 'rapport', title: 'Rapport', version: '0.1.0' },
    { instructions: INSTRUCTIONS },
  );
  // A read-only token is offered only the tools it may use; the API refuses the others anyway.
  installTools(server.server, api, opts.readOnly ? TOOLS.filter((t) => t.annotations.readOnlyHint) : TOOLS);
  registerResources(server, api);
  registerPrompts(server, api);
  return server;
}
