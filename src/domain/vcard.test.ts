import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors.js';
import { decodeQuotedPrintable, parseVCards, parseVCardsInTurns } from './vcard.js';
import { type CardPerson, escapeText, foldLine, peopleToVCards, personToVCard } from './vcard-export.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/vcard/${name}`, import.meta.url));

describe('parseVCards', () => {
  it('reads a Google Contacts export: work e-mail first, escaped commas and colons, LinkedIn in an item group', () => {
    const { rows, skipped } = parseVCards(fixture('google-contacts.vcf'));
    expect(rows[0]).toEqual({
      line: 1,
      fullName: 'Ana Silva',
      title: 'Data Analyst',
      organization: 'Acme, Inc.',
      email: 'ana.silva@acme.example',
      phone: '+55 11 91234-5678',
      linkedinUrl: 'https://www.linkedin.com/in/anasilva-demo',
      location: 'São Paulo, SP, Brasil',
      notes: 'Met at the data meetup in March.\nAsked about analytics roles; follow up in May.',
      connectedOn: null,
    });
    expect(rows[1]).toMatchObject({
      fullName: '王小明',
      organization: '北京数据有限公司',
      title: '产品经理',
    });
    // A card with only an e-mail address is named after it; one with neither is skipped.
    expect(rows[2]).toMatchObject({
      fullName: 'hello@studio-nine.example',
      email: 'hello@studio-nine.example',
    });
    expect(skipped).toEqual([{ line: 33, name: null, reason: 'the card has no name and no e-mail address' }]);
  });

  it('reads an Apple Contacts export: pref, X-ABLabel groups, department, folded photo, company cards', () => {
    const { rows, skipped } = parseVCards(fixture('apple-contacts.vcf'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      line: 1,
      fullName: 'Bruno Okafor',
      organization: 'Initech',
      title: 'VP Partnerships',
      // type=pref wins over the work address.
      email: 'bruno.okafor@example.com',
      phone: '+44 7700 900123',
      linkedinUrl: 'https://www.linkedin.com/in/bruno-okafor-demo',
      location: 'London, United Kingdom',
    });
    expect(rows[1]).toMatchObject({
      fullName: 'Dr. Jürgen Müller',
      organization: 'Wisła Software',
      linkedinUrl: 'https://www.linkedin.com/in/juergen-mueller-demo',
      notes: 'Prefers calls after 4pm.',
    });
    expect(skipped).toEqual([
      {
        line: 47,
        name: 'Lumière & Fils',
        reason: 'this card is for an organization or a group, not a person',
      },
    ]);
  });

  it('reads an Outlook 2.1 export in Windows-1252 with quoted-printable soft line breaks and a base64 photo', () => {
    const { rows, skipped } = parseVCards(fixture('outlook-2.1.vcf'));
    expect(skipped).toEqual([]);
    expect(rows).toEqual([
      {
        line: 1,
        fullName: 'Diego Fernández',
        title: 'Directeur commercial',
        organization: 'Lumière & Fils, S.A.',
        email: 'diego.fernandez@lumiere.example',
        phone: '+33 6 12 34 56 78',
        linkedinUrl: 'https://www.linkedin.com/in/diego-fernandez-demo',
        location: 'Paris, France',
        notes: "Rencontré au salon de Lyon.\nPréfère qu'on l'appelle le matin, avant l'équipe achats.",
        connectedOn: null,
      },
    ]);
  });

  it('reads 2.1 names in UTF-8 quoted-printable, with a BOM and LF line endings', () => {
    const { rows } = parseVCards(fixture('phone-2.1-utf8.vcf'));
    expect(rows).toEqual([
      expect.objectContaining({
        fullName: 'Алексей Смирнов',
        email: 'alexey.smirnov@example.ru',
        phone: '+7 912 345-67-89',
      }),
    ]);
  });

  it('reads vCard 4.0: PREF=1, quoted TYPE lists, tel: URIs, escapes, folded lines, Arabic names', () => {
    const { rows, skipped } = parseVCards(fixture('contacts-4.0.vcf'));
    expect(rows[0]).toMatchObject({
      fullName: 'Ngozi Adeyemi',
      email: 'ngozi@adeyemi.example',
      phone: '+234-1-234-5678',
      organization: 'Adeyemi & Partners LLP',
      location: 'Lagos, Nigeria',
      linkedinUrl: 'https://www.linkedin.com/in/ngozi-adeyemi-demo',
      notes: 'Introduced by Marta, via e-mail; wants to talk about fintech.\nCall in Q2.',
    });
    expect(rows[1]!.fullName).toBe('عمر الفاروق');
    expect(rows[1]!.notes).toMatch(/^A very long note .* to fold\.$/);
    expect(skipped.map((s) => s.reason)).toEqual([
      'this card is for an organization or a group, not a person',
    ]);
  });

  it('reads TYPE parameters in all their spellings', () => {
    const card = (lines: string[]) =>
      parseVCards(['BEGIN:VCARD', 'VERSION:3.0', 'FN:Kim Lee', ...lines, 'END:VCARD'].join('\r\n')).rows[0]!;
    // A comma list: the work address wins over home.
    expect(
      card(['EMAIL;TYPE=HOME,INTERNET:kim@home.example', 'EMAIL;TYPE=WORK,INTERNET:kim@work.example']).email,
    ).toBe('kim@work.example');
    // Quoted values, with and without a comma.
    expect(card(['TEL;TYPE="home":+1 555 0100', 'TEL;TYPE="work,voice":+1 555 0199']).phone).toBe(
      '+1 555 0199',
    );
    // Bare 2.1 words, PREF among them.
    expect(card(['EMAIL;INTERNET;WORK:kim@work.example', 'EMAIL;INTERNET;PREF:kim@pref.example']).email).toBe(
      'kim@pref.example',
    );
    // 4.0: the lowest PREF number wins.
    expect(card(['EMAIL;PREF=2:second@example.com', 'EMAIL;PREF=1:first@example.com']).email).toBe(
      'first@example.com',
    );
    // A LinkedIn profile named only by its Apple label.
    expect(card(['item3.URL:kim-lee-demo', 'item3.X-ABLabel:LinkedIn']).linkedinUrl).toBe(
      'https://www.linkedin.com/in/kim-lee-demo',
    );
  });

  it('uses N when FN is missing', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nowak;Marta;Anna;;\r\nEND:VCARD\r\n';
    expect(parseVCards(text).rows[0]!.fullName).toBe('Marta Anna Nowak');
  });

  it('names the line of a card cut short, of a card without END before the next, and of text that is no vCard', () => {
    expect(errorOf(() => parseVCards(fixture('cut-short.vcf'))).userMessage).toMatch(
      /^Line 6: the card that starts here has no END:VCARD/,
    );
    const twoBegins = 'BEGIN:VCARD\nVERSION:3.0\nFN:A\nBEGIN:VCARD\nVERSION:3.0\nFN:B\nEND:VCARD\n';
    expect(errorOf(() => parseVCards(twoBegins)).userMessage).toMatch(
      /^Line 1: .*no END:VCARD before the next card begins on line 4/,
    );
    expect(errorOf(() => parseVCards(fixture('not-a-vcard.vcf'))).userMessage).toMatch(
      /^Line 1: this is not a vCard file/,
    );
    expect(errorOf(() => parseVCards('')).userMessage).toMatch(/^Line 1: the file is empty/);
    const stray = 'BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nhello\n';
    expect(errorOf(() => parseVCards(stray)).userMessage).toMatch(/^Line 5: this line is outside any card/);
  });

  it('keeps a stray "=" at the end of a quoted-printable value before END:VCARD', () => {
    const text = 'BEGIN:VCARD\nVERSION:2.1\nFN:Ana\nNOTE;ENCODING=QUOTED-PRINTABLE:a=3D1 =\nEND:VCARD\n';
    expect(parseVCards(text).rows[0]).toMatchObject({ fullName: 'Ana', notes: 'a=1' });
  });

  it('decodes quoted-printable in the given character set', () => {
    expect(decodeQuotedPrintable('Caf=E9', 'windows-1252')).toBe('Café');
    expect(decodeQuotedPrintable('Caf=C3=A9')).toBe('Café');
    expect(decodeQuotedPrintable('a=3Db', 'no-such-charset')).toBe('a=b');
  });
});

describe('vCard 4.0 export', () => {
  const ana: CardPerson = {
    id: '0b8f4f4e-6f7a-4d0c-9a57-2f5b2d7d9f10',
    fullName: 'Ana Silva',
    title: 'Head of Data, LATAM; interim',
    organization: 'Acme, Inc.',
    email: 'ana@acme.example',
    phone: '+55 11 91234-5678',
    linkedinUrl: 'https://www.linkedin.com/in/anasilva-demo',
    location: 'São Paulo, Brazil',
    notes: 'Line one\nC:\\Users\\ana',
  };

  it('escapes commas, semicolons, backslashes and newlines, and ends lines with CRLF', () => {
    const card = personToVCard(ana);
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(card.endsWith('END:VCARD\r\n')).toBe(true);
    expect(card).toContain('TITLE:Head of Data\\, LATAM\\; interim\r\n');
    expect(card).toContain('NOTE:Line one\\nC:\\\\Users\\\\ana\r\n');
    expect(card).toContain('N:Silva;Ana;;;\r\n');
    expect(card.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(escapeText('a,b;c\\d\r\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const long = `NOTE:${'ü€😀a'.repeat(40)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('round trip: people exported as vCard 4.0 are read back with the same fields', () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 120 })
      .map((s) => s.replace(/\r/g, '').trim())
      .filter((s) => s.length > 0);
    const tricky = fc.constantFrom(
      'Müller, Jürgen; Dr.',
      'Line\nbreak',
      'Back\\slash',
      '王小明',
      'عمر الفاروق',
      'Ολυμπία Παπαδοπούλου',
      'a:b;c,d\\e',
    );
    const value = fc.oneof(text, tricky);
    const optional = fc.option(value, { nil: null });
    const person = fc.record({
      id: fc.uuid(),
      fullName: value,
      title: optional,
      organization: optional,
      email: fc.option(fc.emailAddress(), { nil: null }),
      phone: fc.option(fc.stringMatching(/^\+?[0-9][0-9 -]{3,18}[0-9]$/), { nil: null }),
      linkedinUrl: fc.option(
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,30}$/).map((slug) => `https://www.linkedin.com/in/${slug}`),
        { nil: null },
      ),
      location: optional,
      notes: optional,
    });
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 4 }), (list) => {
        const { rows, skipped } = parseVCards(peopleToVCards(list));
        expect(skipped).toEqual([]);
        expect(rows.map(({ line: _line, connectedOn: _c, ...fields }) => fields)).toEqual(
          list.map(({ id: _id, ...fields }) => fields),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseVCardsInTurns', () => {
  it('reads a large file as the one-pass reader does, pausing between pieces', async () => {
    const cards: string[] = [];
    for (let i = 0; i < 3000; i++) {
      cards.push(
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          `FN:Ana${i} Silva`,
          `EMAIL:ana${i}@example.com`,
          'NOTE:a long',
          '  note',
          'END:VCARD',
        ].join('\r\n'),
      );
    }
    cards.push(['BEGIN:VCARD', 'VERSION:3.0', 'KIND:org', 'FN:Acme', 'END:VCARD'].join('\r\n'));
    const text = cards.join('\r\n');
    const counted = { n: 0, pause: async () => void counted.n++ };
    const inTurns = await parseVCardsInTurns(text, counted.pause);
    expect(inTurns).toEqual(parseVCards(text));
    expect(inTurns.rows).toHaveLength(3000);
    expect(inTurns.rows[2999]).toMatchObject({ fullName: 'Ana2999 Silva', notes: 'a long note' });
    expect(counted.n).toBeGreaterThan(10);
    const refusal = await parseVCardsInTurns(fixture('cut-short.vcf'), counted.pause).catch((e) => e);
    expect(refusal.userMessage).toBe(errorOf(() => parseVCards(fixture('cut-short.vcf'))).userMessage);
  });
});
