/**
 * Importing contacts from a .vcf file (Google Contacts, Apple Contacts, Outlook): the shared
 * people import fed with the cards `parseVCards` read.
 */
import type { ParsedRecords } from '../../domain/import-record.js';
import type { Ctx } from '../context.js';
import {
  applyPeopleImport,
  type ImportProgress,
  type ImportSummary,
  type PeopleImportOptions,
  previewPeopleImport,
} from './import-people.js';

const OPTIONS: PeopleImportOptions = {
  source: 'vcard',
  noun: 'contact',
  sources: {
    fullName: 'property FN (the name)',
    title: 'property TITLE',
    organization: 'property ORG',
    email: 'property EMAIL',
    phone: 'property TEL',
    linkedinUrl: 'the profile URL (URL or X-SOCIALPROFILE)',
    location: 'property ADR',
    notes: 'property NOTE',
  },
};

/** What importing these cards would do; writes nothing. */
export function previewVCardImport(ctx: Ctx, parsed: ParsedRecords): Promise<ImportSummary> {
  return previewPeopleImport(ctx, parsed, OPTIONS);
}

/** Imports the cards in one transaction: all of them, or nothing. */
export function applyVCardImport(
  ctx: Ctx,
  parsed: ParsedRecords & { onProgress?: (progress: ImportProgress) => void },
): Promise<ImportSummary> {
  return applyPeopleImport(ctx, parsed, OPTIONS);
}
