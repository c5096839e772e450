import type { Command } from 'commander';
import { TOKEN_SCOPES } from '../domain/vocab.js';
import { CliError, type WithApi } from './api.js';
import { printJson, printTable } from './format.js';

interface AccessToken {
  id: string;
  name: string;
  scope: 'read' | 'write';
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const SCOPE_TEXT = { read: 'read-only', write: 'read-write' } as const;

/** `rapport tokens create|list|revoke`: personal access tokens for the API and /mcp. */
export function registerTokenCommands(program: Command, withApi: WithApi): void {
  const tokens = program
    .command('tokens')
    .description('personal access tokens for assistants and scripts (the API and /mcp)');
  tokens
    .command('create <name>')
    .description('make a token; it is printed once, so copy it now')
    .option('--scope <scope>', `${TOKEN_SCOPES.join(' or ')} (read may only look)`, 'read')
    .option('--json', 'print the token and its details as JSON')
    .action((name: string, o: { scope: string; json?: boolean }) =>
      withApi(async ({ call }) => {
        if (!(TOKEN_SCOPES as readonly string[]).includes(o.scope)) {
          throw new CliError(`--scope must be read or write, not "${o.scope}".`);
        }
        const t = await call<AccessToken & { token: string }>('POST', '/api/tokens', {
          name,
          scope: o.scope,
        });
        if (o.json) return printJson(t);
        console.log(
          `Made the ${SCOPE_TEXT[t.scope]} token "${t.name}" (${t.id}). Copy it now; it is not shown again:`,
        );
        console.log('');
        console.log(`  ${t.token}`);
        console.log('');
        console.log(
          `Send it as "Authorization: Bearer <token>". Revoke it with: rapport tokens revoke ${t.id}`,
        );
      }),
    );
  tokens
    .command('list')
    .description('list tokens with their scope and when each was last used')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withApi(async ({ call }) => {
        const list = await call<AccessToken[]>('GET', '/api/tokens');
        if (o.json) return printJson(list);
        printTable(
          list.map((t) => ({
            ...t,
            scope: SCOPE_TEXT[t.scope],
            starts: `${t.prefix}…`,
            created: t.createdAt.slice(0, 16).replace('T', ' '),
            'last used': t.lastUsedAt ? t.lastUsedAt.slice(0, 16).replace('T', ' ') : 'never',
            state: t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : 'active',
          })),
          ['id', 'name', 'scope', 'starts', 'created', 'last used', 'state'],
          'No tokens yet. Make one with: rapport tokens create "My assistant"',
        );
      }),
    );
  tokens
    .command('revoke <id>')
    .description('revoke a token: it stops working at once')
    .action((id: string) =>
      withApi(async ({ call }) => {
        const t = await call<AccessToken>('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
        console.log(`Revoked the token "${t.name}"; it no longer works.`);
      }),
    );
}
