import PDFDocument from 'pdfkit';
import type { Brief } from './brief.js';

/**
 * The standard PDF fonts only know Western European letters; anything else is replaced rather
 * than dropped silently, so a name in another script is visibly marked, not lost from the page.
 */
const EXTRA_CHARS = new Set([0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x20ac]);

function latin(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      const ok =
        code === 9 || code === 10 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
      return ok || EXTRA_CHARS.has(code) ? ch : '?';
    })
    .join('');
}

/** Markdown reduced to plain lines for print. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .trim();
}

/** Renders a brief as a one-page (or more, when long) A4 PDF. */
export function briefPdf(brief: Brief): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 48,
      info: { Title: latin(brief.title), Producer: 'Rapport' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const heading = (text: string) => {
      doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor('#1f3a5f').text(latin(text));
      doc.font('Helvetica').fontSize(10).fillColor('black');
    };
    const line = (text: string, opts: PDFKit.Mixins.TextOptions = {}) => doc.text(latin(text), opts);

    doc.font('Helvetica-Bold').fontSize(18).text(latin(brief.title));
    doc.font('Helvetica').fontSize(10).fillColor('#555555');
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
      doc.font('Helvetica-Bold').text(latin(p.fullName), { continued: !!p.role });
      doc.font('Helvetica');
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
      doc.font('Helvetica-Bold').text(latin(`${s.label} — ${s.minutes} min`));
      doc.font('Helvetica');
      for (const item of s.items)
        line(`☐ ${item.text} (${item.minutes} min)`.replace('☐', '[ ]'), { indent: 12 });
    }
    if (brief.documents.length) {
      heading('Bring');
      for (const d of brief.documents)
        line(`• ${d.title}${d.versionLabel ? ` (${d.versionLabel})` : ''} — ${d.fileName}`);
    }
    doc.end();
  });
}
