/** What Rapport accepts as a document: resumes, portfolios and letters, checked by content. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface DetectedType {
  mimeType: string;
  label: string;
}

const OFFICE_TYPES: Record<string, DetectedType> = {
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word document',
  },
  pptx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint',
  },
  odt: { mimeType: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument text' },
};

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * The type of a file from its first bytes, not from its name or the browser's claim: a file
 * that says it is a PDF must start like one. The name's extension only picks between the office
 * formats, which all are ZIP archives. Returns null for anything else (HTML included).
 */
export function detectFileType(bytes: Uint8Array, fileName: string): DetectedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mimeType: 'application/pdf', label: 'PDF' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mimeType: 'image/png', label: 'PNG image' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg', label: 'JPEG image' };
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return OFFICE_TYPES[ext] ?? null;
  if (ext === 'txt' || ext === 'md') {
    if (bytes.includes(0)) return null;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 4096));
      if (/<\s*(html|script|svg|iframe)/i.test(text)) return null;
      return { mimeType: 'text/plain; charset=utf-8', label: ext === 'md' ? 'Markdown' : 'Text' };
    } catch {
      return null;
    }
  }
  return null;
}

/** A file name safe for a Content-Disposition header. */
export function safeFileName(name: string): string {
  const cleaned = [...name.normalize('NFKC')]
    // Control characters would break the header; path and quote characters its meaning.
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? '/' : ch))
    .join('')
    .replace(/[/\\"<>:|?*]+/g, '_')
    .trim()
    .slice(0, 150);
  return cleaned || 'document';
}
