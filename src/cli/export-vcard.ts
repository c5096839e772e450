import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliError, type WithApi } from './api.js';

/**
 * `rapport export vcard [--out FILE]`: people as a vCard 4.0 file for Google Contacts, Apple
 * Contacts or Outlook. Without --out the cards go to standard output, so they can be piped.
 * Registered on the `export` command group that `exports.ts` creates.
 */
export function registerVcardExport(exportCommand: Command, withApi: WithApi): void {
  exportCommand
    .command('vcard')
    .description('export people as a vCard 4.0 file (.vcf) for Google, Apple or Outlook contacts')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('--search <text>', 'only the people a search of the People list finds')
    .action((o: { out?: string; search?: string }) =>
      withApi(async (api) => {
        const query = o.search ? `?q=${encodeURIComponent(o.search)}` : '';
        const res = await api.send(`/api/exports/vcard${query}`, { method: 'GET' });
        if (!res.ok) {
          const data = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
          throw new CliError(data.error?.message ?? `The export failed with status ${res.status}.`);
        }
        const text = await res.text();
        const count = Number(res.headers.get('x-people-count') ?? 0);
        if (!o.out) {
          process.stdout.write(text);
          return;
        }
        await writeFile(o.out, text).catch((err: NodeJS.ErrnoException) => {
          throw new CliError(`Cannot write ${o.out}: ${err.message}`);
        });
        const who = count === 1 ? '1 person' : `${count} people`;
        console.log(
          count
            ? `Exported ${who} to ${o.out}. Import it in Google Contacts, Apple Contacts or Outlook.`
            : `There is nobody to export yet; ${o.out} holds no cards.`,
        );
      }),
    );
}
