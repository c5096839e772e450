/**
 * Column mappings of a CSV import: which person field each column holds. Pure and free of the
 * CSV parser, so the web app's mapping step can check a mapping as the user makes it.
 */
import { AppError } from './errors.js';

/** The person fields a column can hold. */
export const CSV_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'organization',
  'title',
  'linkedinUrl',
  'location',
  'notes',
  'connectedOn',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
/** For each column, in order, the field it holds or 'ignore'. */
export type CsvMapping = (CsvField | 'ignore')[];

/** How each field is called in messages, the web app and the CLI's help. */
export const CSV_FIELD_LABELS: Record<CsvField | 'ignore', string> = {
  fullName: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  phone: 'Phone',
  organization: 'Organization',
  title: 'Job title',
  linkedinUrl: 'LinkedIn profile',
  location: 'Location',
  notes: 'Notes',
  connectedOn: 'Connected on',
  ignore: 'Ignore this column',
};

/** The key under which a mapping is remembered: the header names, normalized, in order. */
export function headerKey(headers: string[]): string {
  return headers.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' ')).join('\u001f');
}

function mappingError(message: string): AppError {
  return new AppError('validation', {
    userMessage: `mapping: ${message}`,
    issues: [{ field: 'mapping', message }],
  });
}

/** Checks a mapping against the file's columns; throws a `validation` AppError that says what to change. */
export function checkMapping(mapping: unknown, headers: string[]): CsvMapping {
  if (!Array.isArray(mapping) || mapping.length !== headers.length) {
    throw mappingError(`choose a field or "ignore" for each of the ${headers.length} columns.`);
  }
  const seen = new Map<string, string>();
  for (const [i, field] of mapping.entries()) {
    if (field !== 'ignore' && !CSV_FIELDS.includes(field as CsvField)) {
      throw mappingError(
        `"${String(field)}" (column "${headers[i]}") is not a field; use one of ${CSV_FIELDS.join(', ')} or ignore.`,
      );
    }
    if (field === 'ignore' || field === 'notes') continue;
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      throw mappingError(
        `${CSV_FIELD_LABELS[field as CsvField]} is chosen for both "${earlier}" and "${headers[i]}"; keep one.`,
      );
    }
    seen.set(field, headers[i]!);
  }
  if (!seen.has('fullName') && !seen.has('firstName') && !seen.has('lastName')) {
    throw mappingError('choose the column with the name: Full name, or First name and Last name.');
  }
  return mapping as CsvMapping;
}
