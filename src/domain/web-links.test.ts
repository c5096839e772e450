import { describe, expect, it } from 'vitest';
import { linkParts, webAddress } from './web-links.js';

describe('linkParts', () => {
  it('links a meeting address on its own', () => {
    expect(linkParts('https://meet.example.org/abc-defg-hij')).toEqual([
      { text: 'https://meet.example.org/abc-defg-hij', href: 'https://meet.example.org/abc-defg-hij' },
    ]);
  });

  it('links the address inside a sentence and leaves the words as text', () => {
    expect(linkParts('Zoom: https://zoom.us/j/123?pwd=x9, passcode 42.')).toEqual([
      { text: 'Zoom: ' },
      { text: 'https://zoom.us/j/123?pwd=x9', href: 'https://zoom.us/j/123?pwd=x9' },
      { text: ', passcode 42.' },
    ]);
  });

  it('keeps a closing bracket that belongs to the address, and drops one that closes the sentence', () => {
    expect(linkParts('(see http://example.org/a_(b))').map((p) => p.href ?? null)).toEqual([
      null,
      'http://example.org/a_(b)',
      null,
    ]);
    expect(linkParts('(https://example.org/room)')[1]).toEqual({
      text: 'https://example.org/room',
      href: 'https://example.org/room',
    });
  });

  it('links only http and https addresses', () => {
    for (const place of [
      'javascript:alert(1)',
      'JAVASCRIPT://%0aalert(1)',
      'file:///etc/passwd',
      'meet.example.org/abc',
      'ftp://files.example.org',
      'Café Lumen, 12 Rue Oberkampf',
      '+33 1 23 45 67 89',
      'https://',
    ]) {
      expect(
        linkParts(place).every((p) => p.href === undefined),
        place,
      ).toBe(true);
      expect(
        linkParts(place)
          .map((p) => p.text)
          .join(''),
      ).toBe(place);
    }
  });

  it('gives back the text unchanged when joined', () => {
    const text = 'Room 4, or https://a.example/x and HTTPS://B.example/y!';
    const parts = linkParts(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.href).map((p) => p.href)).toEqual([
      'https://a.example/x',
      'https://b.example/y',
    ]);
  });
});

describe('webAddress', () => {
  it('accepts http and https only', () => {
    expect(webAddress('https://example.org')).toBe('https://example.org/');
    expect(webAddress('javascript:alert(1)')).toBeNull();
    expect(webAddress('not a url')).toBeNull();
  });
});
