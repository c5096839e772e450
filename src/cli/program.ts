import { Command, Option } from 'commander';
import { type ConfigFlags, loadConfig } from '../config.js';
import { startServer } from '../server/serve.js';
import { registerAccountCommands } from './accounts.js';
import { connect, type WithApi } from './api.js';
import { registerBackupCommands } from './backup.js';
import { registerConversationCommands } from './conversations.js';
import { registerDuplicateCommands } from './duplicates.js';
import { registerVcardExport } from './export-vcard.js';
import { registerExportCommands } from './exports.js';
import { registerImportCommands } from './imports.js';
import { registerMailCommands } from './mail.js';
import { registerMcpCommand } from './mcp.js';
import { registerMeetingOutcomeCommands } from './meeting-outcome.js';
import { registerMessageCommands } from './messages.js';
import { registerOutreachCommands } from './outreach.js';
import { registerPeopleCommands } from './people.js';
import { registerResultsCommands } from './results.js';
import { registerTaskCommands } from './tasks.js';
import { registerTokenCommands } from './tokens.js';

/**
 * The whole command tree. `configure` runs on the bare program before any command is added, so
 * what it sets (exitOverride, configureOutput) is inherited by every command: the CLI isolation
 * walk runs the tree in-process that way.
 */
export function buildProgram(configure: (program: Command) => void = () => {}): Command {
  const program = new Command()
    .name('rapport')
    .description('Run informational interviews well and see what they produce.')
    .version('0.1.0')
    .addOption(new Option('--data <dir>', 'data folder of the embedded database').env('RAPPORT_DATA'))
    .showHelpAfterError();
  configure(program);

  const withApi: WithApi = async (fn) => {
    const api = await connect(loadConfig({ data: program.opts().data }));
    try {
      return await fn(api);
    } finally {
      await api.close();
    }
  };

  program
    .command('serve')
    .description('start the web app and API')
    .option('-p, --port <port>', 'port to listen on (default 4310, or PORT)')
    .option('--host <host>', 'address to bind (default 127.0.0.1; 0.0.0.0 with --hosted)')
    .option('--hosted', 'multi-user server with accounts, on PostgreSQL (DATABASE_URL); see docs/hosting.md')
    .option('--public-url <url>', 'with --hosted: the https:// address people open (or RAPPORT_PUBLIC_URL)')
    .option(
      '--trusted-proxy',
      'with --hosted: read the client address from X-Forwarded-For (behind a reverse proxy)',
    )
    .option(
      '--sign-up <mode>',
      'with --hosted: who may make an account: open, invite-only or off (default open)',
    )
    .option(
      '--smtp-url <url>',
      "with --hosted: the server's own mail (password reset, e-mail verification), smtp://user:password@host:587 (or RAPPORT_SMTP_URL)",
    )
    .option('--mail-from <address>', 'with --hosted: the From of that mail (or RAPPORT_MAIL_FROM)')
    .action(async (opts: Omit<ConfigFlags, 'data'>) => {
      const config = loadConfig({ data: program.opts().data, ...opts });
      const server = await startServer(config);
      const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir;
      console.log(`Rapport is running at ${server.url}  (data: ${where})`);
      if (config.hosted)
        console.log(
          `Hosted mode: people open ${config.hosted.publicUrl}; sign-up is ${config.hosted.signUp}; ${
            config.hosted.smtpUrl
              ? `mail goes out through ${new URL(config.hosted.smtpUrl).host}.`
              : 'no --smtp-url, so password reset and e-mail verification cannot send mail.'
          }`,
        );
      console.log('Press Ctrl+C to stop.');
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('sample')
    .description('load the sample workspace into an empty workspace')
    .action(() =>
      withApi(async (api) => {
        const r = await api.call<{ people: number; conversations: number }>('POST', '/api/workspace/sample');
        console.log(`Loaded the sample workspace: ${r.people} people, ${r.conversations} conversations.`);
      }),
    );

  program
    .command('compact')
    .description('give disk space back after deleting many records (embedded database)')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean }) =>
      withApi(async (api) => {
        const r = await api.call<{ tables: string[]; bytesBefore: number; bytesAfter: number }>(
          'POST',
          '/api/workspace/compact',
        );
        if (opts.json) return console.log(JSON.stringify(r, null, 2));
        const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
        const saved = Math.max(0, r.bytesBefore - r.bytesAfter);
        console.log(
          `Compacted ${r.tables.length} tables: the database went from ${mb(r.bytesBefore)} to ${mb(r.bytesAfter)} (${mb(saved)} given back).`,
        );
      }),
    );

  registerPeopleCommands(program, withApi);
  registerConversationCommands(program, withApi);
  registerImportCommands(program, withApi);
  registerDuplicateCommands(program, withApi);
  registerOutreachCommands(program, withApi);
  registerMeetingOutcomeCommands(program, withApi);
  registerTaskCommands(program, withApi);
  registerMessageCommands(program, withApi);
  registerMailCommands(program, withApi);
  registerResultsCommands(program, withApi);
  registerBackupCommands(program, withApi);
  registerTokenCommands(program, withApi);
  registerAccountCommands(program);
  registerMcpCommand(program);
  registerVcardExport(registerExportCommands(program, withApi), withApi);
  return program;
}
