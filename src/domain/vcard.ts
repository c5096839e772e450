/**
 * Reads .vcf files as Google Contacts, Apple Contacts and Outlook write them (vCard 2.1, 3.0
 * and 4.0) into people to import. Pure: bytes in, records out.
 *
 * The `vcf` package parses each card's properties and parameters. What it leaves to us, and
 * this module does: line endings other than CRLF, the card structure with line numbers (so a
 * broken file names the line), quoted-printable values with their soft line breaks and
 * character sets (vCard 2.1), backslash escapes, structured values (N, ORG, ADR), and choosing
 * among several e-mail addresses or phone numbers.
 */
import VCard from 'vcf';
import {
  clean,
  decodeText,
  emptyRecord,
  looksLikeEmail,
  malformed,
  type ParsedRecords,
  type PersonRecord,
  type SkippedRecord,
} from './import-record.js';
import { normalizeLinkedInUrl } from './linkedin.js';
import { runSteps, runStepsInTurns } from './steps.js';

/** One property line of a card after unfolding, with the line of the file it starts on. */
interface LogicalLine {
  line: number;
  text: string;
}

/** One BEGIN:VCARD … END:VCARD block. */
interface RawCard {
  line: number;
  lines: LogicalLine[];
}

const isQuotedPrintable = (text: string) => {
  const colon = text.indexOf(':');
  return colon > 0 && /;\s*(encoding=)?quoted-printable\s*(;|$)/i.test(text.slice(0, colon));
};

/**
 * Splits the file into cards of unfolded lines. Folded lines (a continuation starts with a
 * space or tab) and quoted-printable soft line breaks (a line ends with "=") are joined here,
 * because the `vcf` package only unfolds CRLF lines and knows nothing of soft breaks.
 */
function* splitCards(text: string): Generator<void, RawCard[]> {
  const physical = text.split(/\r\n|\n|\r/);
  const cards: RawCard[] = [];
  let card: RawCard | null = null;
  let current: LogicalLine | null = null;
  const finish = () => {
    if (current && card) card.lines.push(current);
    current = null;
  };
  for (let i = 0; i < physical.length; i++) {
    if (i % LINES_PER_STEP === LINES_PER_STEP - 1) yield;
    const raw = physical[i]!;
    const line = i + 1;
    // A soft break never swallows the card's end: a stray "=" before END:VCARD stays a character.
    const ends = /^end:vcard\s*$/i.test(raw.trim());
    if (current && !ends && isQuotedPrintable(current.text) && current.text.endsWith('=')) {
      current.text = current.text.slice(0, -1) + raw;
      continue;
    }
    if (current && /^[ \t]/.test(raw)) {
      current.text += raw.slice(1);
      continue;
    }
    finish();
    const trimmed = raw.trim();
    if (!card) {
      if (!trimmed) continue;
      if (/^begin:vcard$/i.test(trimmed)) {
        card = { line, lines: [] };
        continue;
      }
      throw malformed(
        line,
        cards.length
          ? 'this line is outside any card. Each contact must start with BEGIN:VCARD and end with END:VCARD.'
          : 'this is not a vCard file: a contacts file starts with BEGIN:VCARD. Export your contacts as vCard (.vcf) and choose that file.',
      );
    }
    if (/^begin:vcard$/i.test(trimmed)) {
      throw malformed(
        card.line,
        `the card that starts here has no END:VCARD before the next card begins on line ${line}. The file may be cut short or edited by hand; export it again.`,
      );
    }
    if (/^end:vcard$/i.test(trimmed)) {
      cards.push(card);
      card = null;
      continue;
    }
    if (!trimmed) continue;
    current = { line, text: raw };
  }
  finish();
  if (card) {
    throw malformed(
      (card as RawCard).line,
      'the card that starts here has no END:VCARD: the file seems to be cut short. Export your contacts again and choose the new file.',
    );
  }
  return cards;
}

type Params = Record<string, string | string[] | undefined>;

interface Prop {
  name: string;
  value: string;
  params: Params;
  group: string | null;
}

/** Every value of a parameter, lower case, quotes and commas undone: TYPE=WORK,INTERNET etc. */
function paramValues(params: Params, name: string): string[] {
  const raw = params[name];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.flatMap((v) =>
    v
      .replace(/^"|"$/g, '')
      .split(',')
      .map((s) => s.replace(/^"|"$/g, '').trim().toLowerCase())
      .filter(Boolean),
  );
}

const utf8 = new TextEncoder();

/** Quoted-printable to text: =XX bytes decoded in the property's character set. */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '=' && /^[0-9a-f]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch === '=' && i === value.length - 1) {
      // A soft line break at the very end.
    } else {
      for (const b of utf8.encode(ch)) bytes.push(b);
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset.toLowerCase());
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** Splits a structured value (N, ORG, ADR) on the semicolons that are not escaped. */
function splitComponents(value: string): string[] {
  const parts: string[] = [];
  let part = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      part += ch + value[i + 1];
      i++;
    } else if (ch === ';') {
      parts.push(part);
      part = '';
    } else {
      part += ch;
    }
  }
  parts.push(part);
  return parts;
}

/**
 * Undoes backslash escapes: \n and \N are line breaks; \, \; \: and \\ stand for themselves.
 * vCard 2.1 only escapes semicolons, so a backslash there is usually a real one.
 */
function unescapeText(value: string, version: string): string {
  if (version === '2.1') return value.replace(/\\;/g, ';').replace(/\r\n?/g, '\n');
  return value
    .replace(/\\([\s\S])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
    .replace(/\r\n?/g, '\n');
}

/** Reads one card's properties with the `vcf` package, values decoded but not unescaped. */
function readProperties(card: RawCard): { version: string; props: Prop[] } {
  // Photos, logos, sounds and keys are not kept; leaving their (large) values out before the
  // parser sees them makes a file full of photos several times faster to read.
  const lines = card.lines
    .map((l) => l.text)
    .filter((l) => !/^([\w-]+\.)?(photo|logo|sound|key)[;:]/i.test(l));
  const versionLine = lines.find((l) => /^version:/i.test(l.trim()));
  const version = versionLine ? versionLine.trim().slice(8).trim() : '3.0';
  if (!['2.1', '3.0', '4.0'].includes(version)) {
    const at = card.lines.find((l) => l.text === versionLine)?.line ?? card.line;
    throw malformed(
      at,
      `vCard version ${version} is not one we can read (2.1, 3.0 and 4.0 are). Export your contacts again as vCard 3.0 or 4.0.`,
    );
  }
  const body = ['BEGIN:VCARD', `VERSION:${version}`, ...lines.filter((l) => l !== versionLine), 'END:VCARD'];
  let parsed: VCard;
  try {
    parsed = new VCard().parse(body.join('\r\n'));
  } catch (err) {
    throw malformed(
      card.line,
      `the card that starts here cannot be read (${(err as Error).message}). Export your contacts again and choose the new file.`,
    );
  }
  const props: Prop[] = [];
  for (const [key, entry] of Object.entries(parsed.data)) {
    const name = key.toLowerCase();
    if (name === 'version') continue;
    for (const property of Array.isArray(entry) ? entry : [entry]) {
      const raw = property.valueOf();
      if (typeof raw !== 'string') continue;
      const params = { ...(property as unknown as Params) };
      const group = typeof params.group === 'string' ? params.group.toLowerCase() : null;
      const types = paramValues(params, 'type');
      const encoding = paramValues(params, 'encoding');
      let value = raw;
      if (encoding.includes('quoted-printable') || types.includes('quoted-printable')) {
        const charset = paramValues(params, 'charset')[0] ?? 'utf-8';
        value = decodeQuotedPrintable(value, charset);
      }
      props.push({ name, value, params, group });
    }
  }
  return { version, props };
}

/** Apple's labels for grouped properties: "_$!<Work>!$_" is "work", "LinkedIn" is "linkedin". */
function groupLabels(props: Prop[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const p of props) {
    if (p.name === 'xablabel' && p.group) {
      labels.set(
        p.group,
        p.value
          .replace(/^_\$!<|>!\$_$/g, '')
          .trim()
          .toLowerCase(),
      );
    }
  }
  return labels;
}

/**
 * The best of several values: one marked preferred (TYPE=PREF in 2.1/3.0, PREF=1 in 4.0), then
 * one of the wanted types (work first), then the first in the card.
 */
function preferred(props: Prop[], labels: Map<string, string>, wanted: string[]): Prop | undefined {
  const rank = (p: Prop) => {
    const types = [
      ...paramValues(p.params, 'type'),
      ...(p.group && labels.has(p.group) ? [labels.get(p.group)!] : []),
    ];
    const pref = paramValues(p.params, 'pref')[0];
    if (types.includes('pref') || pref !== undefined) return pref ? Number(pref) || 1 : 0;
    const i = wanted.findIndex((w) => types.includes(w));
    return i < 0 ? 1000 : 100 + i;
  };
  return props
    .map((p, index) => ({ p, index, rank: rank(p) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)[0]?.p;
}

/** A LinkedIn profile among the card's URLs and social profiles, if there is one. */
function linkedInProfile(props: Prop[], labels: Map<string, string>, version: string): string | null {
  for (const p of props) {
    if (!['url', 'xsocialprofile', 'xlinkedin', 'impp'].includes(p.name)) continue;
    const value = unescapeText(p.value, version).trim();
    const types = paramValues(p.params, 'type');
    if (/linkedin\.com/i.test(value)) return normalizeLinkedInUrl(value)?.url ?? null;
    const user = paramValues(p.params, 'xUser')[0];
    const isLinkedIn = types.includes('linkedin') || (p.group !== null && labels.get(p.group) === 'linkedin');
    if (isLinkedIn && user) return `https://www.linkedin.com/in/${user}`;
    if (isLinkedIn && /^[\w-]+$/.test(value)) return `https://www.linkedin.com/in/${value}`;
  }
  return null;
}

/** One card as a person to import, or the reason it is skipped. */
function toRecord(card: RawCard): PersonRecord | SkippedRecord {
  const { version, props } = readProperties(card);
  const labels = groupLabels(props);
  const all = (name: string) => props.filter((p) => p.name === name && p.value.trim() !== '');
  const text = (name: string) => clean(unescapeText(all(name)[0]?.value ?? '', version));
  const parts = (p: Prop | undefined) =>
    p ? splitComponents(p.value).map((c) => unescapeText(c, version).trim()) : [];

  const n = parts(all('n')[0]);
  const nameFromN = [n[3], n[1], n[2], n[0], n[4]].filter(Boolean).join(' ');
  const emailProp = preferred(all('email'), labels, ['work', 'internet', 'home']);
  const emailText = emailProp
    ? unescapeText(emailProp.value, version)
        .trim()
        .replace(/^mailto:/i, '')
    : '';
  const fullName = text('fn') ?? clean(nameFromN);
  const kind = (text('kind') ?? text('xabshowas') ?? '').toLowerCase();
  if (kind === 'org' || kind === 'company' || kind === 'group') {
    return {
      line: card.line,
      name: fullName,
      reason: 'this card is for an organization or a group, not a person',
    };
  }
  if (!fullName && !emailText) {
    return { line: card.line, name: null, reason: 'the card has no name and no e-mail address' };
  }

  const record = emptyRecord(card.line, fullName ?? emailText);
  const warnings: string[] = [];
  if (emailText) {
    if (looksLikeEmail(emailText)) record.email = emailText;
    else warnings.push(`e-mail address not understood: ${emailText}`);
  }
  record.title = text('title') ?? text('role');
  record.organization = clean(parts(all('org')[0])[0]);
  const tel = preferred(all('tel'), labels, ['cell', 'mobile', 'work', 'voice']);
  record.phone = tel ? clean(unescapeText(tel.value, version).replace(/^tel:/i, '')) : null;
  record.linkedinUrl = linkedInProfile(props, labels, version);
  const adr = parts(preferred(all('adr'), labels, ['work', 'home']));
  record.location = clean([adr[3], adr[4], adr[6]].filter(Boolean).join(', '));
  const notes = all('note').map((p) => unescapeText(p.value, version).trim());
  record.notes = clean(notes.filter(Boolean).join('\n\n'));
  if (warnings.length) record.warning = warnings.join('; ');
  return record;
}

/**
 * Reads a .vcf file with any number of cards. Cards that cannot be imported are listed with a
 * reason; a file that is not a vCard, or is cut short, throws a `validation` AppError naming
 * the line, so nothing is imported from it.
 */
export function parseVCards(input: string | Uint8Array): ParsedRecords {
  return runSteps(vcardSteps(input));
}

/**
 * The same as `parseVCards`, a piece at a time: `pause` is awaited every few thousand lines and
 * every few hundred cards, so a server reading a large file answers other requests meanwhile.
 */
export function parseVCardsInTurns(
  input: string | Uint8Array,
  pause: () => Promise<void>,
): Promise<ParsedRecords> {
  return runStepsInTurns(vcardSteps(input), pause);
}

/** Lines of the file split between two steps, and cards read between two. */
const LINES_PER_STEP = 5000;
const CARDS_PER_STEP = 250;

function* vcardSteps(input: string | Uint8Array): Generator<void, ParsedRecords> {
  const text = decodeText(input);
  if (!text.trim())
    throw malformed(1, 'the file is empty. Export your contacts as vCard (.vcf) and choose that file.');
  const result: ParsedRecords = { rows: [], skipped: [] };
  const cards = yield* splitCards(text);
  for (const [i, card] of cards.entries()) {
    if (i % CARDS_PER_STEP === CARDS_PER_STEP - 1) yield;
    const read = toRecord(card);
    if ('reason' in read) result.skipped.push(read);
    else result.rows.push(read);
  }
  return result;
}
