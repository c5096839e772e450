/**
 * Writes people as vCard 4.0 (RFC 6350) that Google Contacts, Apple Contacts and Outlook read
 * back. Pure: people in, text out.
 *
 * Written by hand rather than with the `vcf` package, because its writer neither escapes
 * values nor folds by octets: RFC 6350 wants lines of at most 75 octets, CRLF line endings,
 * and a fold never in the middle of a UTF-8 character.
 */

/** The fields of a person that a card carries. */
export interface CardPerson {
  id: string;
  fullName: string;
  title: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  location: string | null;
  notes: string | null;
  updatedAt?: string | null;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a text value: backslash, comma, semicolon and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const octets = (codePoint: number) =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * Folds one content line into lines of at most 75 octets; each continuation starts with a
 * space (which counts). Splits only between code points, so no UTF-8 sequence is cut.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    if (size + n > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join(CRLF);
}

/** N from a full name: the last word is taken as the family name, the rest as given names. */
function structuredName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const family = words.length > 1 ? words.pop()! : '';
  return [family, words.join(' '), '', '', ''].map(escapeText).join(';');
}

/** One person as a vCard 4.0 card, CRLF line endings included. */
export function personToVCard(person: CardPerson): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//Rapport//Rapport 0.1//EN', 'KIND:individual'];
  lines.push(`UID:urn:uuid:${person.id}`);
  lines.push(`FN:${escapeText(person.fullName)}`);
  lines.push(`N:${structuredName(person.fullName)}`);
  if (person.organization) lines.push(`ORG:${escapeText(person.organization)}`);
  if (person.title) lines.push(`TITLE:${escapeText(person.title)}`);
  if (person.email) lines.push(`EMAIL;TYPE=work;PREF=1:${escapeText(person.email)}`);
  if (person.phone) lines.push(`TEL;TYPE=voice;PREF=1:${escapeText(person.phone)}`);
  if (person.linkedinUrl) {
    // A URI is written as it is (no text escapes), so only line breaks are taken out.
    const url = person.linkedinUrl.replace(/[\r\n]+/g, '');
    // URL is what every program shows; X-SOCIALPROFILE is how Apple Contacts files a profile.
    lines.push(`URL;TYPE=linkedin:${url}`);
    lines.push(`X-SOCIALPROFILE;TYPE=linkedin:${url}`);
  }
  if (person.location) lines.push(`ADR;TYPE=work:;;;${escapeText(person.location)};;;`);
  if (person.notes) lines.push(`NOTE:${escapeText(person.notes)}`);
  if (person.updatedAt) {
    lines.push(`REV:${new Date(person.updatedAt).toISOString().replace(/[-:]|\.\d{3}/g, '')}`);
  }
  lines.push('END:VCARD');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Everyone as one .vcf file. */
export function peopleToVCards(list: CardPerson[]): string {
  return list.map(personToVCard).join('');
}

/** A file name for the download, dated so several exports do not overwrite each other. */
export function vcardFileName(now: Date, count: number): string {
  const day = now.toISOString().slice(0, 10);
  return count === 1 ? `rapport-contact-${day}.vcf` : `rapport-contacts-${day}.vcf`;
}
