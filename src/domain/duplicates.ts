/**
 * The rules that say two people are probably the same person, kept small and explainable: the
 * user sees why a pair is proposed ("same e-mail", "J. Smith could be John Smith") and can judge.
 * Detection in the database only gathers candidates; the name rule itself lives here.
 */
import { normalizeLinkedInUrl } from './linkedin.js';

export type DuplicateReason =
  | { kind: 'linkedin' }
  | { kind: 'email' }
  | { kind: 'name'; match: NameMatchKind; explanation: string };

export type NameMatchKind = 'same' | 'accents' | 'initial' | 'short_form' | 'typo';

/** Lower case, accents removed, punctuation turned into spaces: "José  O'Neil" → "jose o neil". */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The e-mail as it is compared: trimmed and lower case; null when there is none. */
export function emailKey(email: string | null | undefined): string | null {
  const key = email?.trim().toLowerCase();
  return key ? key : null;
}

/** The LinkedIn profile as it is compared (host and path, lower case); null when there is none. */
export function linkedInKey(url: string | null | undefined): string | null {
  if (!url) return null;
  return normalizeLinkedInUrl(url)?.key ?? null;
}

/** True when `a` and `b` differ by at most one inserted, deleted, replaced or swapped letter. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length <= 1) return true;
    const [i, j] = diffs;
    return diffs.length === 2 && j === i! + 1 && a[i!] === b[j] && a[j] === b[i!];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}

/**
 * Whether two full names probably name the same person, and why. With the same last name (after
 * folding case and accents), the first names must be equal, or one an initial of the other
 * ("J. Smith"), or one a short form that starts the other ("Jon"/"Jonathan"), or one typo apart
 * ("Jonh"). With the same first name, the last names may be one typo apart ("Smtih"). Middle
 * names are ignored. Returns null when the rule does not hold.
 */
export function compareNames(a: string, b: string): { match: NameMatchKind; explanation: string } | null {
  const fa = foldName(a);
  const fb = foldName(b);
  if (!fa || !fb) return null;
  if (a.trim().toLowerCase() === b.trim().toLowerCase() || fa === fb) {
    const sameLetters = a.trim().toLowerCase() === b.trim().toLowerCase();
    return sameLetters || a.normalize('NFKD') === b.normalize('NFKD')
      ? { match: 'same', explanation: 'Same name' }
      : {
          match: 'accents',
          explanation: `“${a.trim()}” and “${b.trim()}” differ only in accents or punctuation`,
        };
  }
  const ta = fa.split(' ');
  const tb = fb.split(' ');
  if (ta.length < 2 || tb.length < 2) return null;
  const shown = `“${a.trim()}” could be “${b.trim()}”`;
  const [lastA, lastB] = [ta[ta.length - 1]!, tb[tb.length - 1]!];
  if (lastA !== lastB) {
    // A slip in the last name ("Smtih") with the first name the same.
    return ta[0] === tb[0] && Math.min(lastA.length, lastB.length) >= 4 && oneEditApart(lastA, lastB)
      ? { match: 'typo', explanation: `${shown}: last names one letter apart` }
      : null;
  }
  const first = [ta[0]!, tb[0]!] as const;
  const [x, y] = first[0].length <= first[1].length ? first : [first[1], first[0]];
  if (x === y) return { match: 'same', explanation: `${shown}: same first and last name` };
  if (x.length === 1 && y.startsWith(x)) return { match: 'initial', explanation: `${shown}: an initial` };
  if (x.length >= 2 && y.startsWith(x)) return { match: 'short_form', explanation: `${shown}: a short form` };
  if (x.length >= 4 && oneEditApart(x, y))
    return { match: 'typo', explanation: `${shown}: one letter apart` };
  return null;
}

/** How a reason reads in a list, e.g. "Same e-mail". */
export function reasonLabel(reason: DuplicateReason): string {
  if (reason.kind === 'linkedin') return 'Same LinkedIn profile';
  if (reason.kind === 'email') return 'Same e-mail';
  return `Similar name at the same organization (${reason.explanation})`;
}
