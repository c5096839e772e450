/**
 * Does a sentence ask the reader for a job? Not a list of phrasings but a small grammar of the
 * ask: a sentence asks for a job when, inside one clause, an ASK (a request to the reader, a wish of
 * the writer, or a yes/no question about what exists) comes before an EMPLOYMENT OBJECT meant for
 * the writer (an opening, a role, an interview, being hired, working for them, joining their team).
 * A few forms are an ask on their own: "refer me for", "keep me in mind", "I have attached my CV",
 * "are you hiring". Questions about how hiring works ("what makes a candidate stand out for a
 * position…?"), the reader's own path ("how did you get your job?"), the writer's past ("I hired
 * three people in my last role") and disclaimers ("I am not asking for a job") are not asks.
 */

/** Lower case, straight apostrophes, no accents, contractions spelled out: "I’d" → "i would". */
export function normalizeSentence(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\bcan't\b/g, 'can not')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(/\bi'm\b/g, 'i am')
    .replace(/\b(you|we|they)'re\b/g, '$1 are')
    .replace(/\b(i|you|we|they)'ve\b/g, '$1 have')
    .replace(/\b(i|you|we|they|he|she|it)'d\b/g, '$1 would')
    .replace(/\b(i|you|we|they|he|she|it)'ll\b/g, '$1 will')
    .replace(/\b(it|that|there|what|who)'s\b/g, '$1 is')
    .replace(/\s+/g, ' ')
    .trim();
}

const re = (parts: readonly string[], flags = 'g') => new RegExp(parts.join('|'), flags);

// --- Asks -------------------------------------------------------------------------------------

/** The writer asks the reader to do something. */
const REQUEST = [
  String.raw`\b(?:can|could|would|will|might|may)\s+(?:you|your\s+\w+|(?:\w+\s+)?i)\b`,
  String.raw`\bplease\b`,
  String.raw`\blet\s+me\s+know\b`,
  String.raw`\bfeel\s+free\b`,
  String.raw`\bif\s+you\s+(?:could|can|would|might|were\s+able)\b`,
  String.raw`\bhelp\s+me\b`,
  String.raw`\b(?:if|whether)\s+(?:you|your\s+\w+|\w+)\s+(?:\w+\s+)?(?:know|hear|have|has|see|come\s+across|are\s+aware)\b`,
  String.raw`\b(?:any|is\s+there\s+(?:any|a))\s+chance\b`,
  String.raw`\b(?:would|will|is)\s+it\s+be\s+possible\b`,
  String.raw`\bis\s+it\s+possible\b`,
];

/** The writer says what they want, hope for or are after. */
const DESIRE = [
  String.raw`\bi\s+(?:would|should)\s+(?:\w+\s+)?(?:love|like|welcome|appreciate|value|enjoy|jump\s+at)\b`,
  String.raw`\bi\s+would\s+(?:\w+\s+)?be\s+(?:\w+\s+)?(?:thrilled|delighted|happy|glad|grateful|keen|excited|honou?red|eager|interested|open)\b`,
  String.raw`\bi\s+(?:\w+\s+)?(?:want|wanted|wish|hope|hoped|need)\b`,
  String.raw`\b(?:hoping|keen|eager|looking)\s+to\b`,
  String.raw`\b(?:looking|searching|hoping|angling)\s+for\b`,
  String.raw`\b(?:seeking|pursuing)\b`,
  String.raw`\bin\s+search\s+of\b`,
  String.raw`\bi\s+am\s+(?:\w+\s+)?(?:interested|available|keen|eager|open|ready)\b`,
  String.raw`\b(?:writing|reaching\s+out|getting\s+in\s+touch|contacting\s+you)\s+to\b`,
  String.raw`\bi\s+(?:was\s+|am\s+)?wonder(?:ing|ed)?\b`,
  String.raw`\bwould\s+love\b`,
];

/** Nothing left to the reader but to say yes or no: "Are there any openings?", "Do you have…?" */
const EXISTENCE = [
  String.raw`^(?:and\s+|so\s+|also\s+)?(?:(?:are|is)\s+there|(?:might|could|would|will|may)\s+there\s+be)\b`,
  String.raw`^(?:and\s+|so\s+|also\s+)?(?:do|does|did)\s+(?:you|your\s+\w+|\w+)\s+(?:\w+\s+)?(?:have|know|need|offer|take|expect)\b`,
  String.raw`^(?:and\s+|so\s+)?any\b`,
];

// --- Employment objects ----------------------------------------------------------------------

const POSTS = String.raw`(?:jobs?|positions?|roles?|posts?|openings?|vacanc(?:y|ies)|internships?|apprenticeships?|placements?|traineeships?|schemes?|(?:job\s+|employment\s+|work\s+)opportunit(?:y|ies)|spots?|places?|seats?)(?!\s+(?:boards?|market|search(?:es|ing)?|titles?|descriptions?|hunt(?:ing)?|seekers?|fairs?|sites?|listings?|ads?|applications?|requirements?|security|satisfaction|changes?|growth|level|types?|specs?|models?)\b)`;
/** A post meant for the writer: "an opening", "any roles", "the analyst job" — not "your role". */
const OPEN_POST = [
  String.raw`\b(?:a|an|any|some|open|available|suitable|upcoming|new|vacant|unadvertised|future|current)\s+(?:[\w-]+\s+){0,3}?${POSTS}\b(?!\s+(?:like\s+(?:yours|that|this|theirs)(?!\s+(?:at|on|in|with)\b)|to\s+(?:hire|share|help|say|answer|know|judge|comment|speak|talk|give|offer\s+advice)|of\s+(?:a|an|the)\b|in\s+life))`,
  String.raw`\b(?:for|into|to)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?${POSTS}\b`,
  String.raw`\b(?:openings|vacanc(?:y|ies)|job\s+opportunit(?:y|ies))\b`,
  String.raw`\b(?:a|an|any|the)\s+(?:job\s+|formal\s+|first\s+)?interview\b(?!\s+(?:with\s+you\b|about\b|on\s+(?:your|the)\s+\w+\s+(?:podcast|show)))`,
  String.raw`\b(?:looking\s+for|seeking|find|finding|searching\s+for|in\s+search\s+of|out\s+of)\s+(?:paid\s+|full-time\s+|part-time\s+|new\s+)?(?:work|employment)\b`,
  String.raw`\b(?:any|some)\s+(?:[\w-]+\s+){0,2}?work\s+(?:available|going|for\s+me|on\s+offer|opportunit)`,
  String.raw`\b(?:paid|freelance|contract|part-time|full-time|temporary|temp|casual|summer|seasonal)\s+(?:work|employment)\b`,
  String.raw`\broom\s+for\s+(?:another|one\s+more|more|an\s+extra|a\s+new|someone|me)\b`,
  String.raw`\b(?:anything|something)\s+(?:suitable\s+)?(?:for\s+me|that\s+(?:would\s+|might\s+)?(?:suit|fit)s?\s+me)\b`,
];

/** The writer working for them, joining them, being hired or applying. */
const WORK_FOR_THEM = [
  String.raw`\b(?:to|i|and|me)\s+(?:\w+\s+)?(?:work|working)\s+(?:for|with|at|alongside|under)\s+(?:you|your|[\w&'-]+\s+(?:with|at)\s+you)\b`,
  String.raw`\b(?:to|i|and|me|in)\s+(?:\w+\s+)?(?:work|working)\s+(?:for|at|on)\s+(?:your\s+\w+|[\w&'-]+)\s*$`,
  String.raw`\bjoin(?:ing)?\s+(?:you\s+at|your)\s+(?:\w+\s+)?(?:team|company|firm|organi[sz]ation|group|department|lab|agency|staff|office|business|school|practice|unit|studio|ranks|crew)\b`,
  String.raw`\bjoin(?:ing)?\s+[\w&'-]+\s*(?:$|as\s+an?\b)`,
  String.raw`\b(?:be|being|become|becoming)\s+(?:a\s+)?(?:part|member)\s+of\s+(?:your|the)\s+(?:\w+\s+)?(?:team|company|firm|organi[sz]ation|group|department|lab|staff)\b`,
  String.raw`\b(?:to|i|me)\s+(?:\w+\s+)?(?:get|be|getting|being)\s+(?:hired|employed|taken\s+on|recruited)\b`,
  String.raw`\b(?:to|i|me)\s+(?:\w+\s+)?(?:apply|applying)\b(?!\s+(?:what|it|this|that|these|those|them|your|his|her|their|my|the\s+(?:lessons?|ideas?|advice|skills?|methods?)|to\s+(?:school|college|university|grad|graduate|masters|phd|law|med|medical|business)))`,
  String.raw`\b(?:to|i)\s+(?:\w+\s+)?interview\s+(?:for|with\s+(?:your|the)\s+(?:team|company|firm|hiring))\b`,
  String.raw`\btak(?:e|ing)\s+on\s+(?:someone|anyone|people|staff|interns?|graduates|grads|new\s+\w+|more\s+\w+|another\s+\w+|an?\s+(?:new\s+)?\w+)\b`,
  String.raw`\b(?:available|able|free)\s+to\s+start\b`,
];

/** Forms that ask for a job on their own, whatever surrounds them. */
const ASK_BY_ITSELF = [
  String.raw`\b(?:hire|hiring|employ|interview|recruit|onboard)\s+me\b`,
  String.raw`\bhire\s+(?:someone|a\s+person|people)\s+like\s+me\b`,
  String.raw`\b(?:consider|considering)\s+me\b`,
  String.raw`\bbe(?:ing)?\s+considered\s+for\b`,
  String.raw`\b(?:keep|bear|have)\s+me\s+in\s+mind\b`,
  String.raw`\bthink\s+of\s+me\b`,
  String.raw`\b(?:take|taking)\s+me\s+on\b(?!\s+as\s+(?:a\s+|an\s+|your\s+)?(?:mentee|protege|shadow))`,
  String.raw`\bput(?:ting)?\s+(?:me|my\s+name)\s+forward\b`,
  String.raw`\bput(?:ting)?\s+forward\s+my\b`,
  String.raw`\b(?:refer|recommend|nominate|endorse|vouch\s+for|sponsor)\s+me\b(?!\s+to\s+(?:someone|anyone|others|other\s+people|people|a\s+colleague|colleagues|a\s+friend|friends|a\s+book|books|resources?|a\s+course|courses|reading)\b)`,
  String.raw`\bgood\s+word\b`,
  String.raw`\bmy\s+foot\s+in\s+the\s+door\b`,
  String.raw`\bget(?:ting)?\s+me\s+(?:an?\s+|in\s+(?:front|touch)|into|in\s+the\s+door|through\s+the\s+door|a\s+(?:job|role|position|spot))`,
  String.raw`\b(?:someone|somebody|people|a\s+person|anyone)\s+like\s+me\s+(?:on|in|at|for|to\s+join)\s+your\b`,
  String.raw`\b(?:consider|review|forward|pass|send|share|submit|hand|give|show)\s+(?:\w+\s+)?my\s+(?:application|candidacy)\b`,
  String.raw`\bmy\s+(?:application|candidacy)\s+(?:for|to|with)\b`,
  String.raw`\b(?:forward|pass|send|share|submit|hand|give|show|get)\w*\s+(?:you\s+|them\s+|along\s+|on\s+)?my\s+(?:cv|resume|portfolio|details|profile|name|information|info|application|materials|cover\s+letter)\b`,
  String.raw`\bmy\s+(?:cv|resume|portfolio|application|cover\s+letter|details)\s+(?:is\s+|are\s+)?(?:attached|enclosed|included)\b`,
  String.raw`\b(?:attached|enclosed|attaching|enclosing|attach|enclose|included|including)\s+(?:is\s+|are\s+|please\s+find\s+)?(?:a\s+copy\s+of\s+)?my\s+(?:cv|resume|portfolio|cover\s+letter|application)\b`,
  String.raw`\bfind\s+my\s+(?:cv|resume|portfolio|cover\s+letter|application)\b`,
  String.raw`\bfor\s+(?:your|their)\s+consideration\b`,
  String.raw`\b(?:anything|something|a\s+(?:position|role|job|spot|place)|an\s+opening)\s+(?:opens|opened|becomes|became|comes|came|frees)\s+(?:up|available|vacant|free)\b`,
  String.raw`\bi\s+(?:have\s+|had\s+|am\s+|recently\s+|just\s+|already\s+|will\s+|plan\s+to\s+)*(?:applied|applying|apply|submitted\s+an?\s+application)\s+(?:for|to)\b(?!\s+(?:school|college|university|grad|graduate|masters|phd|law|med|medical|business)\b)`,
  String.raw`\b(?:put\s+me\s+in\s+touch|connect\s+me|introduce\s+me)\s+(?:\w+\s+){0,2}?(?:to|with)\s+(?:your|the|a|an|their|whoever|someone|anyone)\s+(?:\w+\s+)?(?:recruiters?|recruiting|recruitment|hiring|hr|human\s+resources|talent)\b`,
  String.raw`\b(?:have|having|bring|bringing|get|getting)\s+me\s+(?:on|onto|into)\s+(?:your|the)\s+(?:\w+\s+)?(?:team|staff|company|board|payroll)\b`,
  String.raw`\b(?:be|give|get|offer|provide|write)\s+(?:me\s+)?(?:a|your|my)\s+referral\b`,
];

/** "Are you hiring?", "Is Northwind recruiting", "I saw that your team is hiring". */
const HIRING_NOW = String.raw`(?:hiring|recruiting|taking\s+on\s+(?:any\s+|new\s+|more\s+)*\w+|looking\s+for\s+(?:new\s+|more\s+|any\s+)?(?:staff|people|interns|graduates|grads|employees|hires|candidates|talent|help))\b(?!\s+(?:process|processes|manager|managers|team|teams|practices|committee|decisions?|timeline|criteria|side|works|like|looks?|trends?|market)\b)`;
const HIRING_SUBJECT = String.raw`(?:you|they|(?:anyone|someone|people)\s+who|who|your\s+(?:\w+\s+)?\w+|the\s+(?:team|company|firm|department|group|lab|organi[sz]ation)|anyone|anybody)`;
const HIRING_NOW_FORMS = [
  String.raw`\b(?:are|is)\s+${HIRING_SUBJECT}\s+(?:currently\s+|still\s+|now\s+|actively\s+)?${HIRING_NOW}`,
  String.raw`\b${HIRING_SUBJECT}\s+(?:are|is)\s+(?:currently\s+|still\s+|now\s+|actively\s+)?${HIRING_NOW}`,
  String.raw`\b(?:currently|still|actively)\s+${HIRING_NOW}`,
];
/** The organization as subject needs its capital letter: "Is Northwind hiring", "Northwind is hiring". */
const HIRING_NOW_NAMED =
  /(?:\b[Ii]s\s+[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*\s+(?:[a-z]+ly\s+|still\s+|now\s+)?|\b[A-Z][\w&.'-]*\s+is\s+(?:[a-z]+ly\s+|still\s+|now\s+)?)(?:hiring|recruiting|taking\s+on|looking\s+for\s+(?:new\s+|more\s+)?(?:staff|people|interns|graduates|grads|employees|hires|candidates|talent))\b(?!\s+(?:process|manager|practices|trends?)\b)/g;

// --- What is not an ask ----------------------------------------------------------------------

/** "I am not asking for a job", "this is not a request for a job". */
const DISCLAIMER =
  /\b(?:not|never|no\s+longer)\s+(?:\w+\s+){0,2}?(?:asking|looking|seeking|after|requesting|expecting|hoping|writing|here|applying|angling|trying|fishing|a\s+(?:job\s+)?(?:request|application|job|pitch))\b/;

/** A question about how things work, not an ask: "What makes…", "How did you…", "Which roles…". */
const WH_START =
  /^(?:and\s+|so\s+|but\s+|also\s+|then\s+|in\s+your\s+\w+\s+)?(?:what|how|which|who|whom|whose|why|where|when)\b/;
/** An embedded question after the ask: "I would love to hear how you got your job". */
const WH_INSIDE = /\b(?:what|how|which|who|whom|why|where|when)\b/;
/** What the writer asks for is advice about the topic, not the topic itself. */
const ADVICE =
  /\b(?:advice|insights?|perspectives?|tips?|guidance|thoughts?|views?|opinions?|feedback|suggestions?|stor(?:y|ies)|experiences?|take|learn|hear|understand|know\s+more|talk\s+about|ask\s+about|chat\s+about)\b/;
/** The reader's own path: "since you took a position", "once you landed a job". */
const THEIR_PATH =
  /\b(?:you|people|someone|they|he|she)\s+(?:\w+ly\s+|have\s+|had\s+|were\s+|are\s+)?(?:got|get|getting|found|find|landed|land|took|take|started|start|began|chose|choose|accepted|left|held|hold|been|were|are|applied|moved|went|secured|switched|came)\b(?:\s+[\w'-]+){0,3}\s*$/;

/** A direction of travel, not a request: "I hope to move into a product role". */
const CAREER_MOVE =
  /\b(?:move|moving|transition|transitioning|switch|switching|shift|shifting|grow|growing|step|stepping|pivot|pivoting|progress|progressing|change|changing|branch|branching)\s+(?:\w+\s+)?(?:into|towards?)\s+(?:[\w-]+\s+){0,3}$/;

/** Splits a sentence into clauses, so an ask and a disclaimer or a question keep their own scope. */
function clauses(sentence: string): string[] {
  return sentence
    .replace(/[.!?"')\]\s]+$/, '')
    .split(/\s*[,;:()–—]\s*|\s+-\s+|\s+(?=but\b|although\b|though\b|while\b|whereas\b)/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

function firstIndex(patterns: readonly RegExp[], text: string): number[] {
  const found: number[] = [];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m.index ?? 0);
  return found;
}

const REQUEST_RE = re(REQUEST);
const DESIRE_RE = re(DESIRE);
const EXISTENCE_RE = re(EXISTENCE);
const OPEN_POST_RES = OPEN_POST.map((p) => new RegExp(p, 'g'));
const WORK_RES = WORK_FOR_THEM.map((p) => new RegExp(p, 'g'));
const BY_ITSELF_RE = re(ASK_BY_ITSELF, '');
const HIRING_NOW_RE = re(HIRING_NOW_FORMS, '');

/**
 * Whether an object at `at` is what the clause asks for: an ask comes before it, no advice word or
 * embedded question stands between them, and it is not the reader's own path.
 */
function askedFor(clause: string, at: number, asks: number[]): boolean {
  const before = clause.slice(0, at);
  if (THEIR_PATH.test(before) || CAREER_MOVE.test(before)) return false;
  return asks.some((ask) => {
    if (ask > at) return false;
    const between = clause.slice(ask, at);
    if (ADVICE.test(between)) return false;
    return !WH_INSIDE.test(between.slice(1));
  });
}

function clauseAsksForJob(clause: string, isQuestion: boolean): boolean {
  if (DISCLAIMER.test(clause)) return false;
  if (BY_ITSELF_RE.test(clause)) return true;
  const whQuestion = isQuestion && WH_START.test(clause);
  if (whQuestion) return false;
  if (HIRING_NOW_RE.test(clause)) return true;
  const requests = firstIndex([REQUEST_RE, DESIRE_RE], clause);
  const withExistence = isQuestion ? [...requests, ...firstIndex([EXISTENCE_RE], clause)] : requests;
  const posts = firstIndex(OPEN_POST_RES, clause);
  if (posts.some((at) => askedFor(clause, at, withExistence))) return true;
  const work = firstIndex(WORK_RES, clause);
  return work.some((at) => askedFor(clause, at, requests));
}

/**
 * Whether the sentence asks the reader for a job, an interview, a referral for a role or to pass
 * on an application. `sentence` is one sentence of the draft, as written.
 */
export function asksForJob(sentence: string): boolean {
  const isQuestion = /\?\s*["')\]]*\s*$/.test(sentence);
  for (const m of sentence.matchAll(HIRING_NOW_NAMED)) {
    const clause = clauses(normalizeSentence(sentence.slice(0, (m.index ?? 0) + m[0].length))).at(-1) ?? '';
    if (!(isQuestion && WH_START.test(clause)) && !DISCLAIMER.test(clause)) return true;
  }
  return clauses(normalizeSentence(sentence)).some((clause) => clauseAsksForJob(clause, isQuestion));
}
