/** `/mcp` over Streamable HTTP, with the MCP SDK's own client against a server on a free port. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../../test/db.js';
import { mcpClients } from '../../../../test/mcp-http.js';
import { createPerson } from '../../../services/people/people.js';
import { createAccessToken, revokeAccessToken } from '../../../services/tokens/tokens.js';
import { createApp } from '../../app.js';

let t: TestDb;
let base: URL;
let close: () => Promise<void>;
const mcp = mcpClients(() => base, 'rapport-http-test');
const connect = mcp.connect;

beforeAll(async () => {
  t = await openTestDb();
  const app = createApp({ context: () => t.ctx, webDir: null });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
  close = () => new Promise((resolve) => server.close(() => resolve()));
  await createPerson({ ...t.ctx, input: { fullName: 'Ada Lovelace', title: 'Analyst' } });
});

afterAll(async () => {
  await mcp.closeAll();
  await close?.();
  await t.close();
});

function text(result: CallToolResult): string {
  return (result.content[0] as { text: string }).text;
}

describe('/mcp over Streamable HTTP', () => {
  it('serves the tools to a read-write token, and its writes land in the workspace', async () => {
    const { token } = await createAccessToken({
      ...t.ctx,
      input: { name: 'Hosted assistant', scope: 'write' },
    });
    const client = await connect(token);
    const { tools } = await client.listTools();
    expect(tools.map((x) => x.name)).toEqual(
      expect.arrayContaining(['search', 'log_message', 'record_debrief']),
    );

    const found = (await client.callTool({
      name: 'search',
      arguments: { query: 'Ada', types: ['person'] },
    })) as CallToolResult;
    const [ada] = JSON.parse(text(found)) as { id: string; title: string }[];
    expect(ada!.title).toBe('Ada Lovelace');

    const logged = (await client.callTool({
      name: 'log_message',
      arguments: { personId: ada!.id, channel: 'linkedin', direction: 'out', purpose: 'request' },
    })) as CallToolResult;
    expect(logged.isError, text(logged)).toBeFalsy();
    const res = await fetch(new URL(`/api/messages?personId=${ada!.id}`, base), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await res.json()) as { channel: string }[]).map((m) => m.channel)).toEqual(['linkedin']);
  });

  it('offers a read-only token only the reading tools, and they work', async () => {
    const { token } = await createAccessToken({ ...t.ctx, input: { name: 'Reader', scope: 'read' } });
    const client = await connect(token);
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(5);
    expect(tools.every((x) => x.annotations?.readOnlyHint)).toBe(true);
    const check = (await client.callTool({
      name: 'check_request',
      arguments: { text: 'Could you spare 20 minutes to tell me about your work?' },
    })) as CallToolResult;
    expect(check.isError, text(check)).toBeFalsy();
    expect(JSON.parse(text(check))).toHaveProperty('findings');
  });

  it('refuses a request without a token with 401 and a sentence saying what to send', async () => {
    await expect(connect()).rejects.toThrow(/401|personal access token/);
    const res = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain('Authorization: Bearer');
  });

  it('stops a token the moment it is revoked', async () => {
    const made = await createAccessToken({ ...t.ctx, input: { name: 'Soon revoked', scope: 'write' } });
    const client = await connect(made.token);
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await revokeAccessToken({ ...t.ctx, id: made.id });
    await expect(client.listTools()).rejects.toThrow(/401|not valid/);
    await expect(connect(made.token)).rejects.toThrow(/401|not valid/);
    await expect(connect('rapport_not-a-real-token')).rejects.toThrow(/401|not valid/);
  });
});
