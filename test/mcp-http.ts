/** MCP clients over Streamable HTTP for tests of `/mcp`: each connects with an optional token. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export interface McpClients {
  /** A client connected to `/mcp`, with `Authorization: Bearer <token>` when a token is given. */
  connect(token?: string): Promise<Client>;
  /** Closes every client `connect` made. */
  closeAll(): Promise<void>;
}

/** Clients of the `/mcp` endpoint at `endpoint()` (read when connecting: the port is known late). */
export function mcpClients(endpoint: () => URL, name = 'rapport-test'): McpClients {
  const clients: Client[] = [];
  return {
    async connect(token) {
      const transport = new StreamableHTTPClientTransport(endpoint(), {
        requestInit: token ? { headers: { authorization: `Bearer ${token}` } } : {},
      });
      const client = new Client({ name, version: '1.0.0' });
      await client.connect(transport);
      clients.push(client);
      return client;
    },
    async closeAll() {
      for (const c of clients) await c.close().catch(() => {});
    },
  };
}
