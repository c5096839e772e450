/**
 * The rules for a person's fields, in one place: the API's schemas (src/server/schemas.ts) are
 * built from them, and every import checks each value of each row with them, so a file can
 * never put into the workspace what the API would refuse.
 */
import { z } from 'zod';

/** The most characters an organization's name may hold. */
export const ORGANIZATION_NAME_MAX = 200;

/** The most characters each text field of a person may hold. */
export const PERSON_LIMITS = {
  fullName: 200,
  title: 200,
  function: 200,
  /** An organization's name, for the organization an import creates or matches. */
  organization: ORGANIZATION_NAME_MAX,
  /** RFC 5321 allows no longer address. */
  email: 254,
  phone: 50,
  /** Profile addresses are well under 200 characters; 2,000 is what browsers reliably keep. */
  linkedinUrl: 2000,
  location: 200,
  howWeKnow: 1000,
  notes: 50_000,
  preferredChannel: 50,
} as const;

/** An e-mail address as the API accepts it. */
export const emailAddress = z.email('is not an e-mail address').max(PERSON_LIMITS.email);

/**
 * A profile URL or an organization's website: a web address on a real host name (acme.com, not
 * localhost), never javascript:, data: or file:.
 */
export const profileUrl = z
  .url({
    protocol: /^https?$/,
    hostname: z.regexes.domain,
    error: 'must be a web address starting with https://',
  })
  .max(PERSON_LIMITS.linkedinUrl);

/** The fields an import fills in, with the name a message uses for each. */
export const IMPORTED_PERSON_FIELDS = {
  fullName: 'name',
  title: 'position',
  organization: 'organization',
  email: 'e-mail address',
  phone: 'phone number',
  linkedinUrl: 'profile URL',
  location: 'location',
  notes: 'notes',
} as const;
export type ImportedPersonField = keyof typeof IMPORTED_PERSON_FIELDS;

const NUL_PROBLEM = 'contains a NUL character (\\u0000), which no text can hold; remove it and try again';

/**
 * What the API would refuse in this value of an imported person, in words, or null when it is
 * fine. `value` is the value as the import would store it (trimmed, normalized).
 */
export function importedValueProblem(field: ImportedPersonField, value: string): string | null {
  if (value.includes('\u0000')) return NUL_PROBLEM;
  const max = PERSON_LIMITS[field];
  if (value.length > max) {
    return `is ${value.length.toLocaleString('en')} characters long, more than the ${max.toLocaleString('en')} allowed`;
  }
  if (field === 'linkedinUrl' && !profileUrl.safeParse(value).success) {
    return `${quote(value)} is not a web address starting with http:// or https://`;
  }
  return null;
}

/** Whether an e-mail address is one the API accepts (a bad one is left out of an import, with a warning). */
export function isEmailAddress(value: string): boolean {
  return emailAddress.safeParse(value).success;
}

/** A value quoted in a message, shortened: a message never carries a whole 19 MB cell. */
export function quote(value: string, max = 60): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
