/** `/mcp` on a hosted server: each access token's tools see its own workspace and no other. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../../test/db.js';
import { mcpClients } from '../../../../test/mcp-http.js';
import { createAuth } from '../../../services/accounts/auth.js';
import type { Ctx } from '../../../services/context.js';
import { createPerson } from '../../../services/people/people.js';
import { createAccessToken } from '../../../services/tokens/tokens.js';
import { createApp } from '../../app.js';
import { NO_WORKSPACE } from '../../session-auth.js';

let t: TestDb;
let other: Ctx;
let base: URL;
let close: () => Promise<void>;
const mcp = mcpClients(() => base, 'rapport-hosted-test');
const connect = mcp.connect;

beforeAll(async () => {
  t = await openTestDb();
  other = await t.otherWorkspace();
  let app: ReturnType<typeof createApp> | undefined;
  // The public URL names the port, which is known once the server listens.
  const server = serve({ fetch: (req) => app!.fetch(req), hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = createAuth({
    db: t.handle.db,
    now: t.clock.now,
    publicUrl,
    secret: 'a test secret that is long enough to sign cookies',
    signUp: 'open',
  });
  app = createApp({
    context: () => ({ db: t.handle.db, now: t.clock.now, workspaceId: NO_WORKSPACE, userId: NO_WORKSPACE }),
    hosted: { auth, publicUrl, trustedProxy: false, signUp: 'open', sendsMail: false },
    webDir: null,
  });
  base = new URL(`${publicUrl}/mcp`);
  close = () => new Promise((resolve) => server.close(() => resolve()));
  await createPerson({ ...t.ctx, input: { fullName: 'Ada Quillfeather', title: 'Analyst' } });
});

afterAll(async () => {
  await mcp.closeAll();
  await close?.();
  await t.close();
});

async function search(client: Client, query: string): Promise<string> {
  const found = (await client.callTool({
    name: 'search',
    arguments: { query, types: ['person'] },
  })) as CallToolResult;
  return (found.content[0] as { text: string }).text;
}

describe('/mcp on a hosted server', () => {
  it('gives each token the tools of its own workspace only', async () => {
    const mine = await createAccessToken({ ...t.ctx, input: { name: 'A assistant', scope: 'read' } });
    const theirs = await createAccessToken({ ...other, input: { name: 'B assistant', scope: 'read' } });
    expect(await search(await connect(mine.token), 'Quillfeather')).toContain('Ada Quillfeather');
    expect(await search(await connect(theirs.token), 'Quillfeather')).not.toContain('Quillfeather');
  });

  it('refuses a caller with no token, and a page of another site', async () => {
    const call = (headers: Record<string, string>) =>
      fetch(base, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
    expect((await call({ origin: base.origin })).status).toBe(401);
    expect((await call({ origin: 'https://elsewhere.example' })).status).toBe(403);
    // Neither a token nor an Origin: not a browser of this site, so refused as a change from elsewhere.
    expect((await call({})).status).toBe(403);
  });
});
