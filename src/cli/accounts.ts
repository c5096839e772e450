import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { createInvite } from '../services/accounts/invites.js';
import { CliError } from './api.js';
import { printJson } from './format.js';

/**
 * `rapport accounts invite`: an invitation code for an invite-only hosted server, made by the
 * operator straight in its PostgreSQL (DATABASE_URL), e.g. for the very first account.
 */
export function registerAccountCommands(program: Command): void {
  const accounts = program.command('accounts').description('accounts of a hosted server (DATABASE_URL)');
  accounts
    .command('invite')
    .description('make an invitation code for one sign-up; it is printed once')
    .option('--json', 'print the code and when it expires as JSON')
    .action(async (o: { json?: boolean }) => {
      const config = loadConfig({ data: program.opts().data });
      if (!config.databaseUrl) {
        throw new CliError(
          'Invitations belong to a hosted server: set DATABASE_URL=postgres://… to the database it runs on.',
        );
      }
      const database = await openDatabase(config);
      try {
        const invite = await createInvite({ db: database.handle.db, now: () => new Date(), createdBy: null });
        if (o.json) return printJson({ code: invite.code, expiresAt: invite.expiresAt.toISOString() });
        console.log(`Invitation code (works once, until ${invite.expiresAt.toISOString().slice(0, 10)}):`);
        console.log(invite.code);
      } finally {
        await database.close();
      }
    });
}
