import { describe, expect, it } from 'vitest';
import { pickDocuments } from './mail.js';

const library = [
  { id: 'b2', title: 'Resume', fileName: 'resume.pdf', createdAt: '2026-11-20T09:00:00.000Z' },
  { id: 'a1', title: 'Resume', fileName: 'resume.pdf', createdAt: '2026-10-01T09:00:00.000Z' },
  { id: 'c3', title: 'Portfolio', fileName: 'Portfolio.PDF', createdAt: '2026-09-01T09:00:00.000Z' },
];

describe('rapport mail send --attach', () => {
  it('finds documents by id or file name, the newest of a name, each once', () => {
    expect(pickDocuments(library, ['resume.pdf']).map((d) => d.id)).toEqual(['b2']);
    expect(pickDocuments(library, ['a1', 'portfolio.pdf', 'A1']).map((d) => d.id)).toEqual(['a1', 'c3']);
  });

  it('refuses a name the library lacks, naming what it has', () => {
    expect(() => pickDocuments(library, ['cv.docx'])).toThrow(
      'No document "cv.docx" in your library; it has: resume.pdf, Portfolio.PDF. Nothing was sent.',
    );
    expect(() => pickDocuments([], ['cv.docx'])).toThrow(/which is empty/);
  });
});
