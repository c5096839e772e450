import { describe, expect, it } from 'vitest';
import { detectFileType, safeFileName } from './file-type.js';

const bytes = (s: string | number[]) =>
  typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s);

describe('document types by content', () => {
  it('recognises PDF, images and office files by their first bytes', () => {
    expect(detectFileType(bytes('%PDF-1.7 ...'), 'resume.pdf')?.mimeType).toBe('application/pdf');
    expect(detectFileType(bytes('%PDF-1.7'), 'renamed.txt')?.mimeType).toBe('application/pdf');
    expect(detectFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a.png')?.label).toBe(
      'PNG image',
    );
    expect(detectFileType(bytes([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'CV.DOCX')?.label).toBe('Word document');
  });

  it('refuses a file whose content does not match, and anything that could render as a page', () => {
    expect(detectFileType(bytes('<html><script>alert(1)</script>'), 'resume.pdf')).toBeNull();
    expect(detectFileType(bytes('<script>alert(1)</script>'), 'notes.txt')).toBeNull();
    expect(detectFileType(bytes([0x50, 0x4b, 0x03, 0x04]), 'archive.zip')).toBeNull();
    expect(detectFileType(bytes([0xc3, 0x28]), 'bad.txt')).toBeNull();
    expect(detectFileType(bytes('Plain résumé text'), 'resume.txt')?.label).toBe('Text');
  });

  it('makes file names safe for headers', () => {
    expect(safeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(safeFileName('my "cv".pdf')).toBe('my _cv_.pdf');
    expect(safeFileName('')).toBe('document');
  });
});
