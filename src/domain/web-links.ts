/**
 * Finds the web addresses in a short text a user typed, such as a meeting's place ("Zoom:
 * https://zoom.us/j/123"), so it can be shown with the address as a link. Only http and https
 * addresses become links: anything else (javascript:, file:, a bare "meet.example/abc") stays text.
 */

export interface TextPart {
  text: string;
  /** The address to open, when this part is a web address. */
  href?: string;
}

const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the address: "see https://x.org/a." */
const TRAILING = /[.,;:!?'"’”»)\]}]+$/;

/** Cuts sentence punctuation off the end, keeping a closing bracket the address itself opened. */
function trimAddress(raw: string): string {
  let address = raw;
  for (;;) {
    const trailing = TRAILING.exec(address);
    if (!trailing) return address;
    const last = address.at(-1)!;
    const opener = ({ ')': '(', ']': '[', '}': '{' } as Record<string, string>)[last];
    if (opener && count(address, opener) >= count(address, last)) return address;
    address = address.slice(0, -1);
  }
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** A web address that a browser can open, or null. */
export function webAddress(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** The text in order, cut into plain parts and web addresses. Joined back, the parts give the text. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const address = trimAddress(match[0]);
    const href = webAddress(address);
    if (!href) continue;
    const start = match.index;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: address, href });
    at = start + address.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
