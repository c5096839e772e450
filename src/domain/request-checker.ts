import { asksForJob } from './job-ask.js';
import { LONG_MEETING_WARNING_MINUTES } from './meeting-rules.js';
import { hasBackground, hasContact, missingInterest, textAfterQuestion } from './request-parts.js';

/**
 * Checks a draft request (email or LinkedIn message) against the request rules of method.md
 * section 3 and explains each finding. This is advice: nothing here stops a user from sending.
 */

export type FindingRule =
  | 'length'
  | 'job_ask'
  | 'connection_first'
  | 'question'
  | 'about_them'
  | 'duration_ask'
  | 'interest'
  | 'background'
  | 'contact';

export interface Finding {
  rule: FindingRule;
  severity: 'info' | 'warning' | 'strong';
  message: string;
  /** The part of the draft the finding is about, when there is one (the first, when there are several). */
  excerpt?: string;
  /** Every part of the draft the finding is about, in the order they appear, each once. */
  excerpts?: string[];
}

export interface CheckOptions {
  /** Word count above which the draft gets a warning (default 75). */
  warnAbove?: number;
  /** Word count above which the warning becomes strong (default 100). */
  strongAbove?: number;
  /** What links the user to the reader: a referrer's name, a school, a shared employer… */
  connectionHints?: string[];
  /** What draws the user to this reader in particular: their organization, the team or topic. */
  narrowHints?: string[];
  /** The wider field the user is exploring, as they named it. */
  broadHints?: string[];
}

export const REQUEST_WARN_WORDS = 75;
export const REQUEST_STRONG_WORDS = 100;

/** Counts words the way a reader sees them: "20–30" and "follow-up" are one word, a lone dash none. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

const GREETING = /^(?:hi|hello|hey|dear|hiya|greetings|good\s+(?:morning|afternoon|evening))\b/i;
/** A sign-off line: "Best," or "Thanks, Ana" — but not "Thank you for your time." */
const SIGN_OFF =
  /^(?:best|best\s+wishes|best\s+regards|all\s+the\s+best|kind\s+regards|warm\s+regards|warmest\s+regards|regards|many\s+thanks|thanks|thanks\s+again|thanks\s+so\s+much|thank\s+you|thank\s+you\s+so\s+much|with\s+thanks|cheers|sincerely|yours\s+sincerely|yours\s+truly|warmly|respectfully|talk\s+soon)\s*(?:[.!]|,[\p{L}.' -]{0,40})?$/iu;

/**
 * The part of the draft the rules are about: without the "Hi Jonas," line and without the sign-off
 * and signature, which would otherwise count as words and as the "first sentence".
 */
function messageBody(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first >= 0) {
    const line = lines[first]!.trim();
    if (GREETING.test(line)) {
      // "Hi Jonas," on its own line, or "Hi Jonas, I'm…" with the message on the same line.
      const sameLine = /^[^,:!\n]{0,40}[,:!]\s*(.*)$/.exec(line);
      if (sameLine) lines[first] = sameLine[1] ?? '';
      else if (line.split(/\s+/).length <= 4) lines[first] = '';
    }
  }
  // The last sign-off line wins, so a "Thank you!" inside the message does not cut it short.
  for (let i = lines.length - 1; i > first; i--) {
    if (SIGN_OFF.test(lines[i]!.trim())) {
      lines.length = i;
      break;
    }
  }
  return lines.join('\n').trim();
}

/**
 * Sentences of the body, split on end punctuation and on line breaks. Titles like "Dr." do not
 * end a sentence, so "Dr. Weber suggested I write" stays one first sentence.
 */
function sentences(body: string): string[] {
  return body
    .split(/(?<=(?<!\b(?:dr|mr|mrs|ms|prof|sr|jr|st|vs|e\.g|i\.e))[.!?])\s+|\n+/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function shorten(text: string, max = 140): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The excerpt fields of a finding about these parts of the draft, or none. */
function quoting(parts: readonly string[]): Pick<Finding, 'excerpt' | 'excerpts'> {
  const excerpts = [...new Set(parts.filter((p) => p !== '').map((p) => shorten(p)))];
  return excerpts.length > 0 ? { excerpt: excerpts[0]!, excerpts } : {};
}

/** One finding for every sentence that asks for a job: the advice once, each sentence quoted. */
function jobAskFinding(parts: readonly string[]): Finding | null {
  const quoted = quoting(parts.filter((sentence) => asksForJob(sentence)));
  const count = quoted.excerpts?.length ?? 0;
  if (count === 0) return null;
  const opening =
    count === 1
      ? 'This reads as a request for a job.'
      : `These ${count} sentences read as a request for a job.`;
  return {
    rule: 'job_ask',
    severity: 'strong',
    message: `${opening} People gladly share advice, but a job ask puts them on the spot and often ends the conversation before it starts. Ask for their insight instead — openings tend to come up on their own once they know you.`,
    ...quoted,
  };
}

const CONNECTION_CUES =
  /\b(?:referred|refer(?:red)?\s+me|suggested\s+(?:that\s+)?(?:i|we)|fellow|alum|alumn(?:a|ae|i|us)|we\s+met|met\s+(?:you|at)|recommended|mutual|introduced|introduction|classmates?|former\s+colleagues?|we\s+both|both\s+(?:studied|worked|went)|also\s+(?:studied|worked|went)|same\s+(?:school|program|team|company)|gave\s+me\s+your\s+name|told\s+me|mentioned\s+you|pointed\s+me|we\s+share|shared\s+interest|your\s+(?:work|talk|article|post|panel|podcast|presentation|paper|book|newsletter|interview|session))\b/i;

function normalizeForMatch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
}

/** The hints, trimmed, each named once: a referrer who is also the introducer counts once. */
function distinctHints(hints: readonly string[]): string[] {
  const seen = new Set<string>();
  const distinct: string[] = [];
  for (const raw of hints) {
    const hint = raw.trim();
    const key = normalizeForMatch(hint);
    if (hint === '' || seen.has(key)) continue;
    seen.add(key);
    distinct.push(hint);
  }
  return distinct;
}

function connectionFinding(firstSentence: string, hints: readonly string[]): Finding | null {
  const usable = distinctHints(hints);
  if (usable.length > 0) {
    const sentence = normalizeForMatch(firstSentence);
    if (usable.some((hint) => sentence.includes(normalizeForMatch(hint)))) return null;
    const examples = usable.slice(0, 2).join(' or ');
    return {
      rule: 'connection_first',
      severity: 'warning',
      message: `Lead with what connects you: mention ${examples} in the first sentence. A shared link is the main reason a busy stranger reads on.`,
      ...quoting([firstSentence]),
    };
  }
  if (CONNECTION_CUES.test(firstSentence)) return null;
  return {
    rule: 'connection_first',
    severity: 'warning',
    message:
      'Open with your connection — who suggested you write, the school you share, where you met, or the work of theirs that caught your eye. A shared link is the main reason a busy stranger reads on.',
    ...quoting([firstSentence]),
  };
}

const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', "you're", "you've", "you'd", "you'll"]);

function personCounts(body: string): { first: number; second: number } {
  let first = 0;
  let second = 0;
  const words =
    body
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}']+/gu) ?? [];
  for (const raw of words) {
    const word = raw.replace(/^'+|'+$/g, '');
    if (FIRST_PERSON.has(word)) first += 1;
    else if (SECOND_PERSON.has(word)) second += 1;
  }
  return { first, second };
}

/** Ways of naming a small, concrete amount of time. */
const DURATION_ASK = new RegExp(
  [
    String.raw`\b\d{1,2}\s*(?:[-–—]|to|or)\s*\d{1,2}[\s-]*(?:min|mins|minutes?)\b`,
    String.raw`\b\d{1,3}[\s-]*(?:min|mins|minutes?)\b`,
    String.raw`\b\d{1,2}\s*[-–—]\s*\d{1,2}\b`,
    String.raw`\bhalf\s+an\s+hour\b`,
    String.raw`\bhalf[\s-]hour\b`,
    String.raw`\b(?:quick|brief|short)\s+(?:phone\s+|video\s+|zoom\s+)?(?:call|chat|conversation|coffee|meeting)\b`,
    String.raw`\b(?:an|one|1|two|2)\s+hours?\b`,
  ].join('|'),
  'gi',
);

function isLongAsk(phrase: string, warnAbove: number): boolean {
  if (/hour/i.test(phrase)) return !/half/i.test(phrase);
  const numbers = phrase.match(/\d+/g)?.map(Number) ?? [];
  return /min/i.test(phrase) && Math.max(...numbers) > warnAbove;
}

function durationFinding(body: string): Finding | null {
  const asks = [...body.matchAll(DURATION_ASK)].map((m) => m[0]);
  if (asks.length === 0) {
    return {
      rule: 'duration_ask',
      severity: 'info',
      message:
        'Make the ask concrete and small, such as "20–30 minutes by phone or over coffee, whenever suits you". A clear, short request is easy to say yes to.',
    };
  }
  // A long ask only matters when nothing in the draft names a short one.
  const long = asks.filter((phrase) => isLongAsk(phrase, LONG_MEETING_WARNING_MINUTES));
  if (long.length === asks.length) {
    return {
      rule: 'duration_ask',
      severity: 'info',
      message:
        'That is a lot of time to ask of someone for a first conversation. Ask for 20–30 minutes: it is easier to agree to, and they can always offer more.',
      ...quoting(long),
    };
  }
  return null;
}

function questionFinding(parts: readonly string[]): Finding | null {
  if (!parts.some((p) => /\?["')\]]*$/.test(p))) {
    return {
      rule: 'question',
      severity: 'warning',
      message:
        'Phrase your ask as a question ending in "?", such as "Would you have 20 minutes for a call?". A question invites a reply; a statement is easy to leave unanswered.',
    };
  }
  const after = textAfterQuestion(parts);
  if (!after) return null;
  return {
    rule: 'question',
    severity: 'warning',
    message:
      'End on your question. Here more text follows it, so the ask gets lost on the way down; move the question to the end. A short thank-you or your sign-off after it is fine.',
    ...quoting([after]),
  };
}

const INTEREST_MESSAGES = {
  both: 'Say what you are exploring at two sizes: the wider field (such as "learning design") and what draws you to their team or company in particular. Together they show you chose this person and tell them what advice will help.',
  narrow:
    'Say what draws you to them in particular: their team, their company or a piece of their work. A specific reason shows you chose this person rather than a list.',
  broad:
    'Name the wider field you are exploring, such as "learning design" or "climate tech". It tells them what kind of advice will help you.',
} as const;

/** The parts the career-center templates add: interest at two sizes, a line about you, your contact. */
function partFindings(text: string, body: string, opts: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const interest = missingInterest(body, { narrow: opts.narrowHints, broad: opts.broadHints });
  if (interest) findings.push({ rule: 'interest', severity: 'info', message: INTEREST_MESSAGES[interest] });
  if (!hasBackground(body)) {
    findings.push({
      rule: 'background',
      severity: 'info',
      message:
        'Add one line about yourself, such as what you do now or what you studied, so they know who is asking and can fit their advice to you. One line is plenty; keep the rest about them.',
    });
  }
  if (!hasContact(text)) {
    findings.push({
      rule: 'contact',
      severity: 'info',
      message:
        'Add how to reach you, such as an e-mail address or phone number under your name. It makes saying yes one step easier, and your note may be passed on to someone who does not have your address.',
    });
  }
  return findings;
}

/**
 * Checks a draft request and explains each finding, most important rules first. The greeting line
 * and the signature are left out of the word count and of the "first sentence".
 */
export function checkRequest(
  text: string,
  opts: CheckOptions = {},
): { wordCount: number; findings: Finding[] } {
  const warnAbove = opts.warnAbove ?? REQUEST_WARN_WORDS;
  const strongAbove = opts.strongAbove ?? REQUEST_STRONG_WORDS;
  const body = messageBody(text);
  const parts = sentences(body);
  const wordCount = countWords(body);
  const findings: Finding[] = [];

  if (wordCount > strongAbove) {
    findings.push({
      rule: 'length',
      severity: 'strong',
      message: `At ${wordCount} words this is likely to be skimmed or saved for "later". Cut it to ${warnAbove} words or fewer: keep the connection, one line about you and your question.`,
    });
  } else if (wordCount > warnAbove) {
    findings.push({
      rule: 'length',
      severity: 'warning',
      message: `${wordCount} words — a little long. Aim for ${warnAbove} or fewer so it can be read in a few seconds on a phone.`,
    });
  }

  const jobAsk = jobAskFinding(parts);
  if (jobAsk) findings.push(jobAsk);

  const connection = connectionFinding(parts[0] ?? '', opts.connectionHints ?? []);
  if (connection) findings.push(connection);

  const question = questionFinding(parts);
  if (question) findings.push(question);

  const { first, second } = personCounts(body);
  if (first > second) {
    findings.push({
      rule: 'about_them',
      severity: 'warning',
      message: `The draft talks about you (I, me, my: ${first}) more than about them (you, your: ${second}). Turn a sentence or two toward them — their path, their team, their view.`,
    });
  }

  const duration = durationFinding(body);
  if (duration) findings.push(duration);

  findings.push(...partFindings(text, body, opts));

  return { wordCount, findings };
}
