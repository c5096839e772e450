import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDirs } from '../../test/cli.js';
import { loadConfig } from '../config.js';
import { parseVCards } from '../domain/vcard.js';
import { connect, type WithApi } from './api.js';
import { registerVcardExport } from './export-vcard.js';

const dirs = tempDirs('rapport-cli-formats-');
afterAll(dirs.removeAll);

async function peopleNames(dataDir: string): Promise<string[]> {
  const list = await cli(dataDir, 'people', 'list', '--json');
  return (JSON.parse(list.stdout) as { items: { fullName: string }[] }).items.map((p) => p.fullName);
}

describe('rapport import vcard', () => {
  it('previews with --dry-run, refuses to go on unasked without a terminal, imports with --yes', async () => {
    const data = dirs.make();
    const file = 'test/fixtures/vcard/apple-contacts.vcf';
    const dry = await cli(data, 'import', 'vcard', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/new:\s+2/);
    expect(dry.stdout).toMatch(/line 47: this card is for an organization/);
    expect(dry.stdout).toContain('Dry run: nothing was written.');

    const unasked = await cli(data, 'import', 'vcard', file);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toMatch(/not a terminal.*--yes/);
    expect(await peopleNames(data)).toEqual([]);

    const done = await cli(data, 'import', 'vcard', file, '--yes');
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('Importing: 100% (2 of 2 people)');
    expect(await peopleNames(data)).toEqual(['Bruno Okafor', 'Dr. Jürgen Müller']);

    const bad = await cli(data, 'import', 'vcard', 'test/fixtures/vcard/cut-short.vcf', '--yes');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^rapport: Line 6: the card that starts here has no END:VCARD/);
  }, 480_000);
});

describe('rapport import csv', () => {
  it('shows the mapping and how to change it, takes --map, and proposes the confirmed mapping next time', async () => {
    const data = dirs.make();
    const file = 'test/fixtures/csv/people-semicolon.csv';
    const dry = await cli(data, 'import', 'csv', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Columns, mapped by their names:');
    expect(dry.stdout).toMatch(/Firma\s+organization \(Organization\)\s+Acme, Inc\./);
    expect(dry.stdout).toContain('To change one, add --map "Column=field"');
    expect(dry.stdout).toContain('Dry run: nothing was written.');

    const wrong = await cli(data, 'import', 'csv', file, '--map', 'Stadt=location', '--dry-run');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/no column "Stadt"\. Its columns are: Name, E-mail, Firma/);

    const done = await cli(
      data,
      'import',
      'csv',
      file,
      '--map',
      'Ort=ignore',
      '--map',
      'notizen=notes',
      '--yes',
    );
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/Ort\s+\(ignored\)/);
    expect(done.stdout).toMatch(/Imported people-semicolon\.csv/);
    expect(await peopleNames(data)).toEqual(['Ana Silva', 'Bruno Okafor', '王小明']);

    const again = await cli(data, 'import', 'csv', file, '--dry-run');
    expect(again.stdout).toContain('mapped as you confirmed last time');
    expect(again.stdout).toMatch(/Ort\s+\(ignored\)/);
  }, 480_000);
});

describe('rapport export vcard', () => {
  it('writes everyone to a vCard 4.0 file that imports back', async () => {
    const data = dirs.make();
    expect(
      (await cli(data, 'import', 'vcard', 'test/fixtures/vcard/google-contacts.vcf', '--yes')).code,
    ).toBe(0);
    const withApi: WithApi = async (fn) => {
      const api = await connect(loadConfig({ data }, { ...process.env, DATABASE_URL: '' }));
      try {
        return await fn(api);
      } finally {
        await api.close();
      }
    };
    const program = new Command().exitOverride();
    registerVcardExport(program.command('export'), withApi);
    const out = join(data, 'people.vcf');
    await program.parseAsync(['export', 'vcard', '--out', out], { from: 'user' });
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
    expect(parseVCards(text).rows.map((r) => r.fullName)).toEqual([
      'Ana Silva',
      'hello@studio-nine.example',
      '王小明',
    ]);
  }, 480_000);
});
