import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { connect } from './api.js';

/**
 * `rapport mcp`: Rapport's tools for a desktop assistant over standard input and output. It goes
 * through the same API as every command: the running server's when one holds the data folder,
 * otherwise the database opened here. Standard output carries only the protocol.
 */
export function registerMcpCommand(program: Command): void {
  program
    .command('mcp')
    .description('serve Rapport to an AI assistant over MCP (standard input and output)')
    .action(async () => {
      // Loaded here, not when the program starts: every other command (serve above all) would
      // wait for the MCP SDK to load without using it.
      const [{ StdioServerTransport }, { createMcpServer }] = await Promise.all([
        import('@modelcontextprotocol/sdk/server/stdio.js'),
        import('../mcp/server.js'),
      ]);
      const api = await connect(loadConfig({ data: program.opts().data }));
      const server = createMcpServer(api);
      const transport = new StdioServerTransport();
      let closing = false;
      const close = async () => {
        if (closing) return;
        closing = true;
        await server.close().catch(() => {});
        await api.close();
        process.exit(0);
      };
      transport.onclose = () => void close();
      process.stdin.once('end', () => void close());
      process.once('SIGINT', () => void close());
      process.once('SIGTERM', () => void close());
      await server.connect(transport);
      console.error(
        api.via === 'server'
          ? 'Rapport MCP server ready (through the running Rapport server).'
          : 'Rapport MCP server ready.',
      );
    });
}
