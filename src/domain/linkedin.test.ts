import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors.js';
import {
  LINKEDIN_HEADER,
  normalizeLinkedInUrl,
  parseConnectedOn,
  parseLinkedInConnections,
  parseLinkedInConnectionsInTurns,
} from './linkedin.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/linkedin/${name}`, import.meta.url));

const PREAMBLE =
  'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing. See https://www.linkedin.com/psettings/privacy/email, or https://www.linkedin.com/help/linkedin/answer/261"\r\n\r\n';

describe('parseLinkedInConnections', () => {
  it('reads a current export: BOM, CRLF, Notes preamble, quotes, scripts, emoji and blank lines', () => {
    const { rows, skipped } = parseLinkedInConnections(fixture('connections-2025-01.csv'));
    expect(rows.map((r) => r.fullName)).toEqual([
      'Ana Silva',
      'Bruno Okafor',
      '张伟',
      'Алексей Смирнов',
      'عمر الفاروق',
      'Priya Raman 🌱',
      'Chloé Dubois-Martin',
      'Diego Fernández',
      'Kofi Mensah',
      'Hana Kobayashi',
    ]);
    expect(rows[0]).toEqual({
      line: 5,
      firstName: 'Ana',
      lastName: 'Silva',
      fullName: 'Ana Silva',
      url: 'https://www.linkedin.com/in/anasilva-demo',
      email: null,
      company: 'Acme, Inc.',
      position: 'Data Analyst',
      connectedOn: '2024-01-15',
    });
    expect(rows[1]).toMatchObject({
      company: 'The "Best" Co',
      email: 'bruno.okafor@example.com',
      connectedOn: '2023-02-03',
    });
    expect(rows[3]?.url).toBe('https://www.linkedin.com/in/aleksey-smirnov-demo');
    expect(rows[4]?.url).toBe('https://www.linkedin.com/in/omar-alfarouq-demo');
    expect(rows[5]).toMatchObject({ company: null, position: null });
    expect(rows[6]).toMatchObject({
      line: 13,
      company: 'Lumière & Fils, S.A.',
      position: 'Director, Learning "Experience" Design',
    });
    expect(skipped).toEqual([{ line: 11, name: null, reason: 'no first or last name' }]);
  });

  it('reads an older export without the Notes preamble or a BOM', () => {
    const { rows, skipped } = parseLinkedInConnections(fixture('connections-old-export.csv'));
    expect(skipped).toEqual([]);
    expect(rows.map((r) => [r.line, r.fullName, r.company])).toEqual([
      [2, 'Marta Nowak', 'Wisła Software'],
      [3, 'Tomás Herrera', null],
      [5, 'Ngozi Adeyemi', 'Adeyemi & Partners, LLP'],
    ]);
  });

  it('reads exports from before LinkedIn added the URL column, with LF line endings', () => {
    const { rows } = parseLinkedInConnections(
      'First Name,Last Name,Email Address,Company,Position,Connected On\nLea,Berg,lea@example.com,Nordlys,Editor,1 March 2016\n',
    );
    expect(rows).toEqual([
      expect.objectContaining({ fullName: 'Lea Berg', url: null, email: 'lea@example.com' }),
    ]);
    expect(rows[0]?.connectedOn).toBe('2016-03-01');
  });

  it('names the line of an unbalanced quote', () => {
    const err = errorOf(() => parseLinkedInConnections(fixture('malformed-quote.csv')));
    expect(err.code).toBe('validation');
    expect(err.userMessage).toMatch(/^Line 6: a quoted value starts here but its closing quote/);
    expect(err.details).toEqual({ line: 6 });
  });

  it('names the line of a quote in the middle of a value', () => {
    const text = `${LINKEDIN_HEADER.join(',')}\r\nAna,Silva,,,"Acme"x,Analyst,15 Jan 2024\r\n`;
    expect(errorOf(() => parseLinkedInConnections(text)).userMessage).toMatch(
      /^Line 2: a quoted value is followed/,
    );
    const stray = `${LINKEDIN_HEADER.join(',')}\r\n\r\nAna,Sil"va,,,Acme,Analyst,15 Jan 2024\r\n`;
    expect(errorOf(() => parseLinkedInConnections(stray)).userMessage).toMatch(/^Line 3: a quote/);
  });

  it('refuses files that are not a LinkedIn export, saying what to upload instead', () => {
    expect(errorOf(() => parseLinkedInConnections(fixture('not-connections.csv'))).userMessage).toMatch(
      /^Line 1: no header line with "First Name" and "Last Name"/,
    );
    expect(errorOf(() => parseLinkedInConnections('')).userMessage).toMatch(/the file is empty/);
    expect(
      errorOf(() => parseLinkedInConnections(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).userMessage,
    ).toMatch(/ZIP archive or an Excel workbook/);
    expect(
      errorOf(() => parseLinkedInConnections(new Uint8Array([0x46, 0x69, 0x72, 0xe9, 0x0a]))).userMessage,
    ).toMatch(/not UTF-8/);
  });

  it('skips rows it cannot place, with a reason, and keeps people whose date is unreadable', () => {
    const text = [
      PREAMBLE + LINKEDIN_HEADER.join(','),
      'Ana,Silva,https://www.linkedin.com/in/ana,,Acme, Inc.,Analyst,15 Jan 2024',
      ',,https://www.linkedin.com/in/hidden,,,,',
      ',,,,,,',
      'Kai,,,,,,Yesterday',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ].join('\r\n');
    const { rows, skipped } = parseLinkedInConnections(text);
    expect(skipped.map((s) => [s.line, s.reason])).toEqual([
      [5, expect.stringMatching(/^has 8 values but the header has 7/)],
      [6, 'no first or last name'],
      [9, 'a repeated header line'],
    ]);
    expect(rows).toEqual([
      expect.objectContaining({
        line: 8,
        fullName: 'Kai',
        connectedOn: null,
        warning: '"Connected On" date not understood: Yesterday',
      }),
    ]);
  });
});

describe('parseConnectedOn', () => {
  it('reads LinkedIn dates and ISO dates, and refuses dates that do not exist', () => {
    expect(parseConnectedOn('03 Feb 2023')).toBe('2023-02-03');
    expect(parseConnectedOn('3 February 2023')).toBe('2023-02-03');
    expect(parseConnectedOn('29 Sept 2021')).toBe('2021-09-29');
    expect(parseConnectedOn('2024-02-29')).toBe('2024-02-29');
    expect(parseConnectedOn('29 Feb 2023')).toBeNull();
    expect(parseConnectedOn('31 Foo 2023')).toBeNull();
    expect(parseConnectedOn('02/03/2023')).toBeNull();
  });
});

describe('normalizeLinkedInUrl', () => {
  it('gives one form and one key whatever the scheme, www, slash or case', () => {
    const forms = [
      'https://www.linkedin.com/in/ana-silva',
      'http://linkedin.com/in/ana-silva/',
      'www.linkedin.com/in/Ana-Silva?trk=people',
      'https://uk.linkedin.com/in/ana-silva/',
    ];
    const normalized = forms.map((f) => normalizeLinkedInUrl(f));
    expect(new Set(normalized.map((n) => n?.key))).toEqual(new Set(['linkedin.com/in/ana-silva']));
    expect(normalized[1]?.url).toBe('https://www.linkedin.com/in/ana-silva');
    expect(normalizeLinkedInUrl('https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F/')?.key).toBe(
      'linkedin.com/in/张伟',
    );
    expect(normalizeLinkedInUrl('  ')).toBeNull();
  });

  it('reads the usual form as the URL parser does (a query sends it through the parser)', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
    const profile = fc.record({
      scheme: fc.constantFrom('https://', 'http://', 'HTTPS://'),
      host: fc.constantFrom('www.linkedin.com', 'linkedin.com', 'WWW.LinkedIn.com'),
      path: fc.array(segment, { minLength: 1, maxLength: 3 }),
      slashes: fc.constantFrom('', '/', '//'),
    });
    fc.assert(
      fc.property(profile, ({ scheme, host, path, slashes }) => {
        const text = `${scheme}${host}/${path.join('/')}${slashes}`;
        expect(normalizeLinkedInUrl(text)).toEqual(normalizeLinkedInUrl(`${text}?trk=public_profile`));
      }),
    );
  });
});

describe('round trip', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => s === s.trim());
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const connection = fc.record({
    firstName: text.filter((s) => s.length > 0 && s.toLowerCase() !== 'first name'),
    lastName: text,
    slug: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,28}[a-z0-9]$/), { nil: null }),
    email: fc.option(fc.emailAddress(), { nil: null }),
    company: fc.option(text.filter(Boolean), { nil: null }),
    position: fc.option(text.filter(Boolean), { nil: null }),
    date: fc.option(
      fc.date({ min: new Date('2003-05-05'), max: new Date('2030-12-31'), noInvalidDate: true }),
      {
        nil: null,
      },
    ),
  });

  it('rows written as a LinkedIn export (preamble, BOM, CRLF, csv-stringify quoting) read back the same', () => {
    fc.assert(
      fc.property(fc.array(connection, { maxLength: 15 }), fc.boolean(), (people, withPreamble) => {
        const csv = stringify(
          people.map((p) => [
            p.firstName,
            p.lastName,
            p.slug ? `https://www.linkedin.com/in/${p.slug}` : '',
            p.email ?? '',
            p.company ?? '',
            p.position ?? '',
            p.date
              ? `${String(p.date.getUTCDate()).padStart(2, '0')} ${month[p.date.getUTCMonth()]} ${p.date.getUTCFullYear()}`
              : '',
          ]),
          { header: true, columns: [...LINKEDIN_HEADER], record_delimiter: 'windows' },
        );
        const parsed = parseLinkedInConnections(`\uFEFF${withPreamble ? PREAMBLE : ''}${csv}`);
        expect(parsed.skipped).toEqual([]);
        expect(parsed.rows.map(({ line: _line, fullName: _name, ...rest }) => rest)).toEqual(
          people.map((p) => ({
            firstName: p.firstName,
            lastName: p.lastName,
            url: p.slug ? `https://www.linkedin.com/in/${p.slug}` : null,
            email: p.email,
            company: p.company,
            position: p.position,
            connectedOn: p.date ? p.date.toISOString().slice(0, 10) : null,
          })),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseLinkedInConnectionsInTurns', () => {
  const pauses = () => {
    const counted = { n: 0, pause: async () => void counted.n++ };
    return counted;
  };

  it('reads a large export as the one-pass parser does, pausing between pieces', async () => {
    const rows: string[][] = [];
    for (let i = 0; i < 12_000; i++) {
      // Emoji are two UTF-16 units: some fall where the text is cut into pieces.
      rows.push([
        `Ana${i} 🙂`,
        `Silva "${i}"`,
        `https://www.linkedin.com/in/p-${i}`,
        '',
        `Acme, ${i % 30}`,
        '',
        '04 Mar 2021',
      ]);
    }
    rows.push(['', '', '', '', '', '', '']);
    rows.push(['Only', '', 'not a url', 'not an e-mail', '', '', 'yesterday']);
    const text = `\uFEFF${PREAMBLE}${stringify([LINKEDIN_HEADER, ...rows], { record_delimiter: '\r\n' })}`;
    const counted = pauses();
    const inTurns = await parseLinkedInConnectionsInTurns(Buffer.from(text), counted.pause);
    expect(inTurns).toEqual(parseLinkedInConnections(Buffer.from(text)));
    expect(inTurns.rows).toHaveLength(12_001);
    expect(inTurns.rows[11_999]!.fullName).toBe('Ana11999 🙂 Silva "11999"');
    expect(counted.n).toBeGreaterThan(20);
  });

  it('names the same line of a broken quote as the one-pass parser', async () => {
    const refusal = (input: string | Uint8Array) =>
      parseLinkedInConnectionsInTurns(input, pauses().pause).then(
        () => ({ userMessage: 'read without a refusal' }),
        (e: unknown) => e as { userMessage: string },
      );
    expect((await refusal(fixture('malformed-quote.csv'))).userMessage).toMatch(
      /^Line 6: a quoted value starts here but its closing quote/,
    );
    const stray = `${LINKEDIN_HEADER.join(',')}\r\nAna,Silva,,,Acme,,\r\nBo,Li"u,,,,,\r\n`;
    expect((await refusal(stray)).userMessage).toMatch(/^Line 3: a quote/);
  });
});
