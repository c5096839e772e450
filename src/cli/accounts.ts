import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { createCoachInviteFor } from '../services/accounts/coaching.js';
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
    .option('--coach <email>', 'instead: invite this e-mail as a coach of the workspace of --owner')
    .option('--owner <email>', 'with --coach: the e-mail of the account whose workspace is shared')
    .action(async (o: { json?: boolean; coach?: string; owner?: string }) => {
      const config = loadConfig({ data: program.opts().data });
      if (!config.databaseUrl) {
        throw new CliError(
          'Invitations belong to a hosted server: set DATABASE_URL=postgres://… to the database it runs on.',
        );
      }
      if (o.coach && !o.owner) {
        throw new CliError(
          "A coach invitation shares one account's workspace: name it with --owner <email>.",
        );
      }
      const database = await openDatabase(config);
      try {
        if (o.coach && o.owner) {
          const made = await createCoachInviteFor({
            db: database.handle.db,
            now: () => new Date(),
            ownerEmail: o.owner,
            coachEmail: o.coach,
          });
          const expiresAt = made.expiresAt.toISOString();
          if (o.json) return printJson({ code: made.code, email: made.email, expiresAt });
          console.log(`Coach invitation for ${made.email} (works once, until ${expiresAt.slice(0, 10)}):`);
          console.log(made.code);
          console.log('They take it up on the Coaching page (/coaching?code=…) once signed in.');
          return;
        }
        const invite = await createInvite({ db: database.handle.db, now: () => new Date(), createdBy: null });
        if (o.json) return printJson({ code: invite.code, expiresAt: invite.expiresAt.toISOString() });
        console.log(`Invitation code (works once, until ${invite.expiresAt.toISOString().slice(0, 10)}):`);
        console.log(invite.code);
      } finally {
        await database.close();
      }
    });
  accounts
    .command('reset-link')
    .description('make a password-reset link for an account, to hand over when the server cannot send mail')
    .argument('<email>', "the account's e-mail address")
    .option('--public-url <url>', 'the address people open (or RAPPORT_PUBLIC_URL)')
    .action(async (email: string, o: { publicUrl?: string }) => {
      const config = loadConfig({ data: program.opts().data });
      const publicUrl = o.publicUrl ?? process.env.RAPPORT_PUBLIC_URL;
      if (!config.databaseUrl || !publicUrl) {
        throw new CliError(
          'A reset link belongs to a hosted server: set DATABASE_URL=postgres://… to its database and RAPPORT_PUBLIC_URL (or --public-url) to the address people open.',
        );
      }
      const database = await openDatabase(config);
      try {
        // Loaded here: better-auth is hundreds of modules no other command needs.
        const { operatorResetLink } = await import('../services/accounts/reset-link.js');
        const link = await operatorResetLink({
          db: database.handle.db,
          now: () => new Date(),
          publicUrl: new URL(publicUrl).origin,
          email,
        });
        if (!link) throw new CliError(`No account on this server uses ${email}.`);
        console.log("Give this link to the account's owner; it works once, for an hour:");
        console.log(link);
      } finally {
        await database.close();
      }
    });
}
