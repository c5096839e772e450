/**
 * Flags questions that a quick web search answers (method.md section 6, seed 000). Asking them
 * spends the person's time on facts the company publishes and suggests no research was done.
 *
 * The rules match a question only when the public fact is the WHOLE question: "What is the
 * company's mission?" is flagged, "How is the company's mission felt in your team's daily work?"
 * is not, because only a person can answer the second. Missing a weak question is cheaper than
 * nagging about a good one, so every pattern is anchored at both ends.
 */

interface SearchableRule {
  pattern: RegExp;
  reason: string;
}

/** "your company", "the firm", "this organisation"… — the employer as a whole, not a team. */
const ORG = String.raw`(?:your|the|this|that|their|his|her)\s+(?:company|organi[sz]ation|firm|business|employer|corporation|startup|agency)`;
/**
 * Words that never begin or continue an employer's name here. Without them "your team", "it" or
 * "Acme in your role" would pass for a company name, and team-level questions — which only a
 * person can answer — would be flagged.
 */
const NOT_A_NAME = `(?:your|my|our|the|this|that|these|those|their|his|her|its|a|an|it|you|we|they|there|here|in|on|at|for|with|of|to|team|teams|department|group|role|job|work|data)`;
// Plain classes rather than \p{L}: Unicode property classes are slow for V8 to compile, and
// there are dozens of copies of this one.
const NAME_WORD = String.raw`(?!${NOT_A_NAME}(?:\s|$))[^\s,;:!?()"]+`;
/** An employer named outright: one to three words, e.g. "Acme" or "Northwind Traders". */
const NAMED = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){0,2}`;
/** The employer either way. */
const ANY_ORG = `(?:${ORG}|${NAMED})`;
/** The employer addressed as "you", as in "What products do you sell?" — only with company-level verbs. */
const YOU_ORG = `(?:${ORG}|you|${NAMED})`;
/** Harmless words a question may end with without changing what it asks. */
const TAIL = String.raw`(?:\s+(?:exactly|currently|today|now|right\s+now|these\s+days|at\s+the\s+moment|in\s+total|overall|worldwide|globally|nowadays|anymore|last\s+year|this\s+year))?`;

function rule(source: string, reason: string): SearchableRule {
  return { pattern: new RegExp(`^${source}${TAIL}$`, 'u'), reason };
}

const WEBSITE =
  'The company website answers this; ask what you can only learn from a person, such as how the work feels from the inside.';
const SIZE =
  'Company profiles and a quick search give the headcount; ask instead how the size of the place shows up in their work.';
const PLACES =
  'The website lists where the company is based; ask instead what it is like to work at their site or with the other offices.';
const HISTORY =
  'The "About us" page tells the founding story; ask instead what has changed since they joined.';
const LEADERS =
  'The leadership team is listed online; ask instead how decisions made at the top reach their team.';
const MONEY =
  'Revenue, funding and share price are in public reports and the business news; ask instead how the results show up in their team’s priorities.';
const MISSION =
  'The mission and values are published; ask instead how they show up (or do not) in their day-to-day work.';
const RIVALS =
  'A quick search names the competitors; ask instead how the people inside see the company’s position.';

const RULES: readonly SearchableRule[] = [
  // What the company does, makes or sells.
  rule(
    String.raw`what\s+(?:exactly\s+)?(?:does\s+${ANY_ORG}|do\s+${ORG})\s+(?:do|make|sell|offer|produce|build)`,
    WEBSITE,
  ),
  rule(
    String.raw`what\s+(?:kind|kinds|sort|type|types)\s+of\s+(?:work|business)\s+(?:does|do)\s+${ORG}\s+do`,
    WEBSITE,
  ),
  rule(
    String.raw`what\s+(?:products?|services?|solutions?)\s+(?:does|do)\s+${YOU_ORG}\s+(?:sell|offer|make|provide|build|have)`,
    WEBSITE,
  ),
  rule(String.raw`what\s+(?:does|do)\s+${YOU_ORG}\s+sell`, WEBSITE),
  rule(String.raw`what\s+(?:are|is)\s+${ORG}(?:'s|’s)?\s+(?:main\s+)?(?:products?|services?)`, WEBSITE),
  rule(String.raw`what\s+(?:industry|sector|market)\s+is\s+${ANY_ORG}\s+in`, WEBSITE),
  rule(String.raw`who\s+are\s+${ORG}(?:'s|’s)?\s+(?:main\s+|biggest\s+)?(?:customers|clients)`, WEBSITE),
  // Size.
  rule(
    String.raw`how\s+many\s+(?:employees|staff|workers)\s+(?:does|do)\s+${YOU_ORG}\s+(?:have|employ)`,
    SIZE,
  ),
  rule(String.raw`how\s+many\s+people\s+(?:does|do)\s+${ANY_ORG}\s+(?:have|employ)`, SIZE),
  rule(String.raw`how\s+many\s+(?:employees|people|staff|workers)\s+work\s+(?:at|for)\s+${ANY_ORG}`, SIZE),
  rule(String.raw`how\s+(?:big|large)\s+is\s+${ORG}`, SIZE),
  rule(String.raw`what\s+is\s+the\s+(?:size|headcount)\s+of\s+${ANY_ORG}`, SIZE),
  // Where it is.
  rule(
    String.raw`where\s+(?:is|are)\s+${ANY_ORG}(?:'s|’s)?\s+(?:headquarters|head\s+office|hq|main\s+office)(?:\s+located)?`,
    PLACES,
  ),
  rule(
    String.raw`where\s+(?:is|are)\s+your\s+(?:headquarters|head\s+office|hq|main\s+office)(?:\s+located)?`,
    PLACES,
  ),
  rule(String.raw`where\s+(?:is|are)\s+${YOU_ORG}\s+headquartered`, PLACES),
  rule(String.raw`where\s+is\s+(?:the\s+)?(?:headquarters|head\s+office|hq)(?:\s+of\s+${ANY_ORG})?`, PLACES),
  rule(String.raw`where\s+(?:is|are)\s+${ANY_ORG}\s+(?:headquartered|based|located)`, PLACES),
  rule(String.raw`where\s+(?:are|is)\s+${ORG}(?:'s|’s)?\s+offices?(?:\s+located)?`, PLACES),
  rule(
    String.raw`(?:how\s+many|which|what)\s+(?:offices|countries|locations|cities)\s+(?:does|is)\s+${ANY_ORG}\s+(?:have|in)`,
    PLACES,
  ),
  // History.
  rule(
    String.raw`when\s+(?:was|were)\s+${ANY_ORG}\s+(?:founded|started|established|created|set\s+up)`,
    HISTORY,
  ),
  rule(String.raw`who\s+(?:founded|started|created)\s+${ANY_ORG}`, HISTORY),
  rule(String.raw`how\s+old\s+is\s+${ORG}`, HISTORY),
  rule(String.raw`what\s+is\s+the\s+history\s+of\s+${ANY_ORG}`, HISTORY),
  // Leaders.
  rule(
    String.raw`who\s+(?:is|are)\s+(?:the\s+)?(?:ceo|founders?|president|chief\s+executive|chair(?:man|woman|person)?|owners?)(?:\s+(?:of|at)\s+${ANY_ORG})?`,
    LEADERS,
  ),
  rule(String.raw`who\s+(?:is|are)\s+${ORG}(?:'s|’s)?\s+(?:ceo|founders?|president|owners?)`, LEADERS),
  rule(String.raw`who\s+(?:runs|owns|leads)\s+${ORG}`, LEADERS),
  // Money.
  rule(
    String.raw`what\s+(?:is|was|are|were)\s+(?:${ORG}(?:'s|’s)?\s+|the\s+|your\s+)?(?:annual\s+)?(?:revenues?|turnover|sales|profits?|stock\s+price|share\s+price|market\s+cap(?:italization)?|valuation|funding)(?:\s+of\s+${ANY_ORG})?`,
    MONEY,
  ),
  rule(
    String.raw`how\s+much\s+(?:money|revenue)\s+(?:does|did)\s+${ANY_ORG}\s+(?:make|earn|bring\s+in|raise)`,
    MONEY,
  ),
  rule(
    String.raw`is\s+${ANY_ORG}\s+(?:public|publicly\s+traded|listed|profitable|private|privately\s+held)`,
    MONEY,
  ),
  // Mission and values, asked as a bare fact.
  rule(
    String.raw`what\s+(?:is|are)\s+${ORG}(?:'s|’s)?\s+(?:mission(?:\s+statement)?|vision|(?:core\s+)?values|purpose|slogan)`,
    MISSION,
  ),
  rule(String.raw`what\s+(?:is|are)\s+the\s+(?:mission|vision|values|purpose)\s+of\s+${ANY_ORG}`, MISSION),
  rule(String.raw`does\s+${ORG}\s+have\s+a\s+mission(?:\s+statement)?`, MISSION),
  // Competitors, asked as a bare list.
  rule(
    String.raw`who\s+are\s+(?:${ORG}(?:'s|’s)?\s+|your\s+)(?:main\s+|biggest\s+|top\s+)?(?:competitors|rivals)`,
    RIVALS,
  ),
  rule(String.raw`who\s+(?:does|do)\s+${ANY_ORG}\s+compete\s+with`, RIVALS),
];

/**
 * Lower-cases the text and evens out quotes, spaces, end punctuation and polite openers. The rules
 * are written in lower case rather than with the `i` flag: case-insensitive Unicode classes make
 * the first match hundreds of times slower while V8 builds them.
 */
function normalize(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[‘’]/g, '’')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\s?.!]+$/u, '')
      // "Can you tell me what your company does" asks the same thing as the bare question.
      .replace(
        /^(?:so,?\s+|and\s+|also,?\s+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?tell\s+me|i\s+(?:would|'d|’d)\s+like\s+to\s+know|i\s+wonder(?:ed)?|tell\s+me)\s*,?\s*/u,
        '',
      )
  );
}

const EMBEDDED = new RegExp(String.raw`^what\s+(${ORG}|${NAMED})\s+(does|makes|sells|offers)$`, 'u');
const BARE_VERB: Readonly<Record<string, string>> = {
  does: 'do',
  makes: 'make',
  sells: 'sell',
  offers: 'offer',
};

/** "Can you tell me what your company does" → "what does your company do", so one rule covers both. */
function unembed(text: string): string {
  const embedded = EMBEDDED.exec(text);
  if (!embedded) return text;
  return `what does ${embedded[1]} ${BARE_VERB[(embedded[2] ?? '').toLowerCase()] ?? 'do'}`;
}

/**
 * Why a web search would answer `text`, or null when the question needs a person. The reason says
 * where the answer is and suggests a better angle, so it can be shown beside the question.
 */
export function searchableReason(text: string): string | null {
  const cleaned = unembed(normalize(text));
  if (cleaned === '') return null;
  for (const { pattern, reason } of RULES) {
    if (pattern.test(cleaned)) return reason;
  }
  return null;
}
