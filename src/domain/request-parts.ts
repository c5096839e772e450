/**
 * The parts a good request has besides its connection and its ask (method.md section 3): interest
 * named narrowly and broadly, one line of background, a way to reach the sender, and the question
 * at the very end. Each check answers with what is missing; request-checker.ts turns that into advice.
 */

function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\bi'm\b/g, 'i am')
    .replace(/\bi've\b/g, 'i have')
    .replace(/\bi'd\b/g, 'i would')
    .replace(/\s+/g, ' ');
}

function mentionsAny(text: string, hints: readonly string[] | undefined): boolean {
  const haystack = normalize(text);
  return (hints ?? []).some((h) => {
    const hint = normalize(h).trim();
    return hint !== '' && haystack.includes(hint);
  });
}

const UNIT =
  '(?:team|teams|company|organi[sz]ation|firm|group|department|lab|agency|office|unit|studio|school|startup|business|work|product|products|project|projects|roadmap|research|program|programme|practice|newsroom|clinic|org)';
/** Capitalised words after "at" or "on" that are not where the reader works. */
const NOT_AN_EMPLOYER =
  '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|LinkedIn|Zoom|Google|Teams|Slack|Twitter|Instagram|Facebook|Mastodon|Bluesky|Christmas|Easter)';
/** Their own company or team: "your team", "the design group at Northwind". */
const NARROW_CUE = new RegExp(
  String.raw`\byour\s+(?:[\w-]+\s+)?${UNIT}\b|\b(?:at|with|for|on|joined)\s+(?!${NOT_AN_EMPLOYER}\b)[A-Z][\w&'-]+`,
  'u',
);
/** The wider field: "the field", "the energy sector", "a career in learning design", "a move into UX". */
const BROAD_CUE =
  /\b(?:field|fields|industry|industries|sector|profession|discipline)\b|\b(?:career|careers|future|path|move|moving|transition|switch|switching|shift|interest|interested|curious|passion|roles?|jobs?)\s+(?:in|into|toward|towards|about)\s+(?!(?:your|you|the\s+company|a\s+call|the\s+next|touch|person)\b)[a-z]/;

/** What the narrow and broad interest lack: null when both are there. */
export function missingInterest(
  body: string,
  hints: { narrow?: readonly string[]; broad?: readonly string[] } = {},
): 'narrow' | 'broad' | 'both' | null {
  const narrow = mentionsAny(body, hints.narrow) || NARROW_CUE.test(body);
  const broad = mentionsAny(body, hints.broad) || BROAD_CUE.test(normalize(body));
  if (narrow && broad) return null;
  if (narrow) return 'broad';
  if (broad) return 'narrow';
  return 'both';
}

/** A line about the sender: what they do, did or studied. */
const BACKGROUND_CUES: readonly RegExp[] = [
  /\bi am (?:a|an|currently|now|in|at|the|studying|working|finishing|completing|training|retraining|leaving|based)\b/,
  /\bi (?:currently |now |also )?(?:work|worked|have worked|study|studied|have studied|teach|taught|lead|led|manage|managed|run|ran|build|built|design|designed|graduated|trained|research|researched|volunteer|volunteered|coordinate|coordinated|develop|developed|spent)\b/,
  /\bi have (?:spent|been|had|done|held|taught|led|built|run)\b/,
  /\bmy (?:own |current |previous )?(?:background|experience|degree|training|career|studies|work|role|job|field)\b/,
  /\bas an? [\w-]+(?: [\w-]+){0,4},? i\b/,
  /\bafter (?:\w+ ){1,2}years? (?:in|as|of|at)\b/,
  /\b(?:someone|i am|as someone) (?:coming|moving|switching) from\b/,
  /\bi recently (?:finished|completed|graduated|left|moved|joined|started|earned|qualified)\b/,
];

/** Whether the body says something about who the sender is. */
export function hasBackground(body: string): boolean {
  const text = normalize(body);
  return BACKGROUND_CUES.some((cue) => cue.test(text));
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const URL = /\b(?:https?:\/\/|www\.)\S+|\blinkedin\.com\/\S+/i;
const PHONE = /(?:\+|\(\d)[\d\s().-]{6,}\d|\b\d[\d\s().-]{8,}\d\b/g;
const CONTACT_WORDS =
  /\b(?:reach|contact|call|text|email|e-mail|phone|message)\s+me\s+(?:at|on|by|via)\b|\bmy\s+(?:number|phone|mobile|cell|e-?mail(?:\s+address)?)\s+is\b/i;

/** Whether the draft, signature included, tells the reader how to reach the sender. */
export function hasContact(text: string): boolean {
  if (EMAIL.test(text) || URL.test(text) || CONTACT_WORDS.test(text)) return true;
  // A date like 2026-11-23 is not a phone number: a number needs a + or ( in front, or nine digits.
  return [...text.matchAll(PHONE)].some((m) => {
    const digits = m[0].replace(/\D/g, '').length;
    return digits >= 7 && !/^\d{4}-\d{2}-\d{2}$/.test(m[0].trim());
  });
}

/** Short courtesies that may follow the question without burying it. */
const COURTESY =
  /^(?:thanks?|thank\s+you|many\s+thanks|with\s+thanks|i\s+(?:look|am\s+looking)\s+forward|looking\s+forward|no\s+(?:problem|worries|pressure|rush)|(?:and\s+)?if\s+(?:now|this|that)\s+(?:is|isn't|is\s+not)|either\s+way|i\s+(?:understand|know)\s+(?:if|you|how)|i\s+(?:would|'d|really)?\s*(?:appreciate|be\s+grateful)|hope\s+to\s+hear|i\s+hope\s+to\s+hear|all\s+the\s+best|best|kind\s+regards|regards|cheers|sincerely|warmly|have\s+a\s+(?:great|good|lovely|nice))\b/i;

/**
 * What comes after the last question that is more than a courtesy — the text that buries the ask —
 * or null when the request ends on its question. `sentences` is the body without greeting or signature.
 */
export function textAfterQuestion(sentences: readonly string[]): string | null {
  const last = sentences.findLastIndex((s) => /\?["')\]]*$/.test(s));
  if (last < 0) return null;
  const after = sentences.slice(last + 1).filter((s) => !(COURTESY.test(s) && s.split(/\s+/).length <= 14));
  return after.length > 0 ? after.join(' ') : null;
}
