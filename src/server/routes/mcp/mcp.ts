import type { Context } from 'hono';
import type { AppEnv } from '../../env.js';
import { bearerToken, identify, refuseToken } from '../../token-auth.js';

/** How the endpoint reaches the app's own API: in-process, as the CLI does without a server. */
export type SelfRequest = (path: string, init: RequestInit) => Response | Promise<Response>;

/**
 * The MCP SDK, its JSON-schema validators and our tools, loaded at the first /mcp request: they
 * are a fair part of what a start would otherwise load before the app can answer anyone.
 */
let mcpModules:
  | Promise<
      [
        typeof import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
        typeof import('../../../mcp/api.js'),
        typeof import('../../../mcp/server.js'),
      ]
    >
  | undefined;
function loadMcp() {
  mcpModules ??= Promise.all([
    import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
    import('../../../mcp/api.js'),
    import('../../../mcp/server.js'),
  ]);
  return mcpModules;
}

/**
 * MCP over Streamable HTTP at `/mcp`, always with a personal access token (the same in hosted
 * mode, where it is the only way in). Stateless: each request gets a fresh MCP server whose tools
 * call the API in-process with the caller's token, so a read-only token can only read there too.
 */
export function mcpEndpoint(request: SelfRequest) {
  return async (c: Context<AppEnv>) => {
    const authorization = c.req.header('authorization');
    const token = bearerToken(authorization);
    const identity = await identify(c, token);
    if (!identity || !authorization) return refuseToken(c, token);
    const [{ WebStandardStreamableHTTPServerTransport }, { apiOverFetch }, { createMcpServer }] =
      await loadMcp();
    const api = apiOverFetch(request, { authorization, host: c.req.header('host') ?? 'localhost' });
    const server = createMcpServer(api, { readOnly: identity.scope === 'read' });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  };
}
