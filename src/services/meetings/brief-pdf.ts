import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type { Brief } from './brief.js';

/**
 * Noto Sans, embedded (only the letters used): Latin with every European accent, Vietnamese,
 * Greek and Cyrillic, where the standard PDF fonts know only Western European letters. A letter
 * it lacks (Chinese, Japanese, Korean, Arabic, Hebrew…) is shown as "?", so a name is visibly
 * marked rather than silently cut, and the page says to print from the browser instead.
 */
interface Fonts {
  regular: Buffer;
  bold: Buffer;
  covers: (codePoint: number) => boolean;
}

let loaded: Fonts | undefined;

/** The PDF libraries, loaded with the first brief printed rather than at every start. */
async function fonts(): Promise<Fonts> {
  if (!loaded) {
    const fontkit: typeof Fontkit = await import('fontkit');
    const require = createRequire(import.meta.url);
    const file = (name: string) => readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${name}`));
    const regular = file('400Regular/NotoSans_400Regular.ttf');
    const face = fontkit.create(regular) as Fontkit.Font;
    loaded = {
      regular,
      bold: file('700Bold/NotoSans_700Bold.ttf'),
      covers: (codePoint) => face.hasGlyphForCodePoint(codePoint),
    };
  }
  return loaded;
}

/** The text with each letter the font cannot draw replaced by "?"; `missing` hears of each one. */
function printable(text: string, covers: (codePoint: number) => boolean, missing: () => void): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 9 || code === 10 || covers(code)) out += ch;
    else {
      out += '?';
      missing();
    }
  }
  return out;
}

/** Markdown reduced to plain lines for print. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .trim();
}

/** Renders a brief as a one-page (or more, when long) A4 PDF. */
export async function briefPdf(brief: Brief): Promise<Buffer> {
  const { regular, bold, covers } = await fonts();
  const { default: PDFDocument } = await import('pdfkit');
  let replaced = false;
  const shown = (text: string) =>
    printable(text, covers, () => {
      replaced = true;
    });
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 48,
      // The document title is metadata, read by viewers in any script.
      info: { Title: brief.title, Producer: 'Rapport' },
    });
    doc.registerFont('body', regular);
    doc.registerFont('bold', bold);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const heading = (text: string) => {
      doc.moveDown(0.6).font('bold').fontSize(12).fillColor('#1f3a5f').text(shown(text));
      doc.font('body').fontSize(10).fillColor('black');
    };
    const line = (text: string, opts: PDFKit.Mixins.TextOptions = {}) => doc.text(shown(text), opts);

    doc.font('bold').fontSize(18).text(shown(brief.title));
    doc.font('body').fontSize(10).fillColor('#555555');
    line([brief.type, brief.organization, brief.role].filter(Boolean).join(' · '));
    doc.fillColor('black');

    if (brief.logistics) {
      heading('When and where');
      const l = brief.logistics;
      line(`${l.when} — ${l.durationMinutes} minutes`);
      line(`${l.medium}${l.place ? `: ${l.place}` : ''}`);
    }
    heading('Who');
    for (const p of brief.participants) {
      doc.font('bold').text(shown(p.fullName), { continued: !!p.role });
      doc.font('body');
      if (p.role) line(` — ${p.role}`);
      if (p.howWeKnow) line(`How we know them: ${p.howWeKnow}`);
      if (p.connection) line(`Connection: ${p.connection}`);
      if (p.notes) line(plain(p.notes));
    }
    if (brief.organizationNotes.length) {
      heading('About the organization');
      for (const n of brief.organizationNotes) line(`• ${plain(n)}`);
    }
    if (brief.goals.length) {
      heading('Goals');
      for (const g of brief.goals) line(`• ${g}`);
    }
    heading(`Agenda (${brief.agenda.totalMinutes} of ${brief.agenda.durationMinutes} minutes)`);
    if (!brief.agenda.sections.length) line('No agenda planned yet.');
    for (const s of brief.agenda.sections) {
      doc.font('bold').text(shown(`${s.label} — ${s.minutes} min`));
      doc.font('body');
      for (const item of s.items)
        line(`☐ ${item.text} (${item.minutes} min)`.replace('☐', '[ ]'), { indent: 12 });
    }
    if (brief.documents.length) {
      heading('Bring');
      for (const d of brief.documents)
        line(`• ${d.title}${d.versionLabel ? ` (${d.versionLabel})` : ''} — ${d.fileName}`);
    }
    if (replaced) {
      doc.moveDown(1).fontSize(9).fillColor('#555555');
      doc.text(
        'Some letters cannot be shown in this PDF and appear as "?". Print the brief page from your browser to see every name as written.',
      );
    }
    doc.end();
  });
}
