/**
 * Word lists and a seeded random source for believable benchmark data: the names, titles and
 * notes a job seeker's contact list really holds, so text columns and indexes carry realistic sizes.
 */
import { SENIORITY_LEVELS, type Seniority } from '../src/domain/vocab.js';

/** A small, fast, seeded generator (mulberry32): the same seed gives the same workspace shape. */
export interface Rng {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
  weighted: <T>(pairs: readonly (readonly [T, number])[]) => T;
}

/** Returns a generator seeded with `seed`. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    weighted: (pairs) => {
      const total = pairs.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of pairs) {
        r -= w;
        if (r < 0) return value;
      }
      return pairs[pairs.length - 1]![0];
    },
  };
}

/** A comma-separated word list written as text, so the lists stay short on the page. */
function list(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((w) => w.trim())
    .filter(Boolean);
}

export const FIRST_NAMES = list(`
  Maya, Jonas, Priya, Léa, Amara, Daniel, Sofia, Kenji, Fatima, Lucas, Ingrid, Mateo, Chloé, Omar,
  Hannah, Wei, Aisha, Tomás, Elena, Kwame, Zoe, Rahul, Nora, Diego, Yuki, Samuel, Isabela, Arjun,
  Freya, Malik, Camille, Noah, Leila, Viktor, Grace, Ibrahim, Marta, Ethan, Ana, Sven, Chiara,
  Emeka, Julia, Hiroshi, Olivia, Tariq, Beatriz, Felix, Nadia, Ravi, Astrid, Carlos, Mei, Jamal,
  Clara, Anders, Ifeoma, Paul, Sara, Dmitri, Lucía, Kofi, Emma, Hamid, Rosa, Ben, Anika, Thabo,
  Louise, Marco, Naomi, Juan, Elif, Patrick, Siobhan, Yusuf, Laura, Min-jun, Esther, Hugo
`);

export const LAST_NAMES = list(`
  Okafor, Reiter, Natarajan, Martin, Nguyen, Schmidt, García, Tanaka, Haddad, Silva, Johansson,
  Rossi, Dubois, Kowalski, Mensah, Chen, Patel, Müller, Fernández, Kim, Ivanova, O'Brien, Andersen,
  Costa, Yilmaz, Mwangi, Sato, Lefebvre, Novak, Hughes, Bakker, Rahman, Moreau, Papadopoulos,
  Adeyemi, Larsen, Singh, Horvat, Walsh, Lopez, Fischer, Kaur, Bianchi, Eriksson, Abdullah, Nowak,
  Park, Van der Berg, Santos, Wright, Cohen, Ali, Mendoza, Lindqvist, Osei, Murphy, Yamamoto,
  Petrov, Khan, Baptiste, Dlamini, Becker, Romero, Takahashi, Jensen, Ahmed, Greco, Nakamura,
  Brennan, Vargas
`);

export const CITIES: readonly { city: string; timeZone: string }[] = [
  { city: 'Lyon', timeZone: 'Europe/Paris' },
  { city: 'Paris', timeZone: 'Europe/Paris' },
  { city: 'Berlin', timeZone: 'Europe/Berlin' },
  { city: 'Amsterdam', timeZone: 'Europe/Amsterdam' },
  { city: 'London', timeZone: 'Europe/London' },
  { city: 'Dublin', timeZone: 'Europe/Dublin' },
  { city: 'Madrid', timeZone: 'Europe/Madrid' },
  { city: 'Stockholm', timeZone: 'Europe/Stockholm' },
  { city: 'New York', timeZone: 'America/New_York' },
  { city: 'Toronto', timeZone: 'America/Toronto' },
  { city: 'Chicago', timeZone: 'America/Chicago' },
  { city: 'Austin', timeZone: 'America/Chicago' },
  { city: 'San Francisco', timeZone: 'America/Los_Angeles' },
  { city: 'Seattle', timeZone: 'America/Los_Angeles' },
  { city: 'São Paulo', timeZone: 'America/Sao_Paulo' },
  { city: 'Mexico City', timeZone: 'America/Mexico_City' },
  { city: 'Lagos', timeZone: 'Africa/Lagos' },
  { city: 'Nairobi', timeZone: 'Africa/Nairobi' },
  { city: 'Bangalore', timeZone: 'Asia/Kolkata' },
  { city: 'Singapore', timeZone: 'Asia/Singapore' },
  { city: 'Tokyo', timeZone: 'Asia/Tokyo' },
  { city: 'Sydney', timeZone: 'Australia/Sydney' },
  { city: 'Remote', timeZone: 'UTC' },
];

const ORG_PREFIXES = list(`
  North, Bright, Blue, Silver, Cedar, Harbor, Summit, Kestrel, Lumen, Oak, River, Granite, Copper,
  Pine, Clear, Open, True, Green, Stone, Maple, Iron, Swift, Golden, Alder, Beacon, Crest, Ember,
  Falcon, Hazel, Juniper, Lark, Meridian, Nova, Orchard
`);
const ORG_ROOTS = list(`
  wind, path, field, bridge, point, line, gate, wave, light, way, brook, ridge, haven, leaf, spark,
  vale, forge, peak, mark, well, shore, view, wood, star
`);
/** Industries with the words organizations in them tend to put after their name. */
export const INDUSTRIES: readonly { industry: string; words: readonly string[] }[] = [
  { industry: 'Education technology', words: ['Learning', 'Education', 'Academy', 'Classroom'] },
  { industry: 'Healthcare', words: ['Health', 'Medical', 'Care', 'Clinics'] },
  { industry: 'Software', words: ['Software', 'Labs', 'Systems', 'Technologies'] },
  { industry: 'Financial services', words: ['Capital', 'Financial', 'Bank', 'Insurance'] },
  { industry: 'Consulting', words: ['Consulting', 'Advisors', 'Group', 'Partners'] },
  { industry: 'Non-profit', words: ['Foundation', 'Trust', 'Institute', 'Data Lab'] },
  { industry: 'Manufacturing', words: ['Industries', 'Manufacturing', 'Works', 'Materials'] },
  { industry: 'Retail', words: ['Market', 'Goods', 'Stores', 'Outfitters'] },
  { industry: 'Media', words: ['Media', 'Studios', 'Press', 'Publishing'] },
  { industry: 'Energy', words: ['Energy', 'Power', 'Renewables', 'Utilities'] },
  { industry: 'Logistics', words: ['Logistics', 'Freight', 'Mobility', 'Transport'] },
  { industry: 'Architecture and design', words: ['Design', 'Architects', 'Studio', 'Collective'] },
];

/** "Northwind Health", "Kestrelpath Learning GmbH": unique once the caller drops repeated keys. */
export function organizationName(rng: Rng, industryWords: readonly string[]): string {
  const stem = `${rng.pick(ORG_PREFIXES)}${rng.pick(ORG_ROOTS)}`;
  const legal = rng.weighted([
    ['', 12],
    [' Inc.', 1],
    [' Ltd', 1],
    [' GmbH', 1],
  ] as const);
  return `${stem} ${rng.pick(industryWords)}${legal}`;
}

/** Lower-case letters only, for made-up e-mail domains and handles. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

interface JobFunction {
  name: string;
  role: string;
  dept: string;
}

export const FUNCTIONS: readonly JobFunction[] = [
  { name: 'Engineering', role: 'Software Engineer', dept: 'Engineering' },
  { name: 'Product', role: 'Product Manager', dept: 'Product' },
  { name: 'Design', role: 'Product Designer', dept: 'Design' },
  { name: 'Analytics', role: 'Data Analyst', dept: 'Data' },
  { name: 'Marketing', role: 'Marketing Specialist', dept: 'Marketing' },
  { name: 'Sales', role: 'Account Executive', dept: 'Sales' },
  { name: 'Operations', role: 'Operations Analyst', dept: 'Operations' },
  { name: 'Finance', role: 'Financial Analyst', dept: 'Finance' },
  { name: 'People', role: 'Recruiter', dept: 'People' },
  { name: 'Learning design', role: 'Learning Designer', dept: 'Learning' },
  { name: 'Customer success', role: 'Customer Success Manager', dept: 'Customer Success' },
  { name: 'Research', role: 'User Researcher', dept: 'Research' },
  { name: 'Education', role: 'Teacher', dept: 'Education' },
];

/** Most contacts are individual contributors; a few run teams or companies. */
export const SENIORITY_WEIGHTS: readonly (readonly [Seniority, number])[] = SENIORITY_LEVELS.map(
  (level) =>
    [
      level,
      {
        intern: 2,
        entry: 10,
        staff: 28,
        senior: 24,
        lead: 10,
        manager: 12,
        director: 7,
        executive: 4,
        owner: 3,
      }[level],
    ] as const,
);

/** A title that matches the function and seniority, as people write it on their profiles. */
export function jobTitle(rng: Rng, fn: JobFunction, seniority: Seniority): string {
  switch (seniority) {
    case 'intern':
      return `${fn.role} Intern`;
    case 'entry':
      return `${rng.pick(['Junior', 'Associate'])} ${fn.role}`;
    case 'staff':
      return fn.role;
    case 'senior':
      return `Senior ${fn.role}`;
    case 'lead':
      return `${rng.pick(['Lead', 'Principal'])} ${fn.role}`;
    case 'manager':
      return `${fn.dept} Manager`;
    case 'director':
      return `Director of ${fn.dept}`;
    case 'executive':
      return `${rng.pick(['VP of', 'Head of'])} ${fn.dept}`;
    case 'owner':
      return rng.pick(['Founder', 'Co-founder & CEO', 'Owner']);
  }
}

export const HOW_WE_KNOW = [
  'Former colleague',
  'University alumni list',
  'Met at a meetup',
  'Introduced by a friend',
  'Reached out on LinkedIn',
  'Spoke at a conference I attended',
  'Bootcamp classmate',
  'Volunteered together',
  'Friend of the family',
  'Same co-working space',
];

export const TAG_NAMES = list(`
  former colleague, alumni, learning design, data, hiring manager, recruiter, mentor, referral,
  conference, meetup, remote, startup, public sector, bootcamp, design, product, engineering,
  warm lead, introducer, career changer
`);

export const REACHED_VIA = [
  'Mutual contact',
  'Alumni list',
  'LinkedIn message',
  'Met at an event',
  'After a rejection',
  'Cold e-mail',
];

export const GOALS = [
  'Understand a typical week in the role',
  'Which skills transfer from my background',
  'How the team is organized',
  'What the hiring process looks like',
  'Who else I should talk to',
  'Whether a certificate is worth it',
  'What they wish they had known when starting',
  'How they got into the field',
];

const TOPICS = ['onboarding', 'career ladders', 'remote work', 'hiring', 'portfolio reviews', 'team rituals'];
const EVENTS = ['a meetup', 'the alumni evening', 'a conference', 'a workshop', "a friend's dinner"];

/** A short Markdown note about a person, in the voice of someone keeping track of their network. */
export function personNoteBody(rng: Rng, first: string, org: string | null): string {
  const where = org ?? 'their company';
  switch (rng.int(0, 3)) {
    case 0:
      return `Met ${first} at ${rng.pick(EVENTS)}. Works on ${rng.pick(TOPICS)} at ${where}; offered to share notes.`;
    case 1:
      return `**Background**\n\n- ${rng.int(2, 20)} years of experience\n- Joined ${where} ${rng.int(1, 6)} years ago\n\nOpen to a coffee next month.`;
    case 2:
      return `Read their post about ${rng.pick(TOPICS)}. Ask how ${where} measures whether it works.`;
    default:
      return `Prefers short messages. Mentioned that ${where} is hiring in the spring; check back in ${rng.int(2, 8)} weeks.`;
  }
}

/** A debrief after a meeting that was held. */
export function debriefBody(rng: Rng, first: string): string {
  return `**Key points**\n\n- ${rng.pick(GOALS)}: ${first} said it depends on the team\n- Suggested ${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)} as a next contact\n\n**Follow up**\n\n- Send the article on ${rng.pick(TOPICS)}`;
}

const ARTICLES = [
  'the piece on skills-based hiring',
  'a talk about career ladders',
  'the report on remote onboarding',
  'an article on portfolio reviews',
  'a podcast episode about team rituals',
];

/** Why a logged message was written, as in the outreach log (src/domain/vocab.ts). */
export type OutreachPurpose =
  | 'request'
  | 'follow_up'
  | 'reply'
  | 'decline'
  | 'thank_you'
  | 'report_back'
  | 'keep_in_touch'
  | 'other';

/** A subject line for an e-mail of this purpose. */
export function messageSubject(rng: Rng, purpose: OutreachPurpose, org: string | null): string {
  const where = org ?? 'your team';
  switch (purpose) {
    case 'request':
      return rng.pick([
        `20 minutes to learn about your work at ${where}?`,
        'A question from a fellow alumnus',
        `Learning about ${rng.pick(TOPICS)} at ${where}`,
      ]);
    case 'follow_up':
      return 'Re: a short conversation?';
    case 'reply':
      return 'Re: happy to chat';
    case 'decline':
      return 'Re: not this month, sorry';
    case 'thank_you':
      return 'Thank you for your time today';
    case 'report_back':
      return 'Your advice worked';
    case 'keep_in_touch':
      return rng.pick(['Quick update', `Thought of you: ${rng.pick(ARTICLES)}`, 'News from my search']);
    default:
      return rng.pick(['Re: next week', 'Question', 'Following our chat']);
  }
}

/** The body of a logged message: short, in the voice of the sender, with realistic lengths. */
export function messageBody(
  rng: Rng,
  purpose: OutreachPurpose,
  direction: 'out' | 'in',
  first: string,
  org: string | null,
): string {
  const where = org ?? 'your company';
  switch (purpose) {
    case 'request':
      return `Hi ${first},\n\nI found your profile through ${rng.pick(REACHED_VIA).toLowerCase()} and I am exploring a move into ${rng.pick(TOPICS)}. I am not asking about jobs — I would simply love to hear how you got where you are at ${where} and what you wish you had known at the start.\n\nWould you have 20 minutes for a call in the next two weeks? I am happy to work around your schedule.\n\nThank you,`;
    case 'follow_up':
      return `Hi ${first}, I know inboxes get busy, so I am bringing my note from last week back to the top. If a short call is not possible, even one or two lines on how you got into ${rng.pick(TOPICS)} would help a lot. Thanks either way!`;
    case 'reply':
      return `Hi! Happy to help. ${rng.pick(['Tuesday or Thursday afternoon works', 'Next week is easier for me', 'Send me a few slots'])}, ${rng.pick(['video is fine', 'we can grab a coffee', 'a phone call is best'])}.`;
    case 'decline':
      return `Thanks for reaching out. ${rng.pick(['Things are hectic at the moment', 'I am about to go on leave', 'I am not the right person for this'])}, so I will have to pass — good luck with your search.`;
    case 'thank_you':
      return `Hi ${first},\n\nThank you for taking the time to talk with me today. What you said about ${rng.pick(GOALS).toLowerCase()} has stuck with me, and I am going to ${rng.pick(['rework my portfolio', 'take the course you mentioned', 'reach out to the people you suggested'])}. I will let you know how it goes.\n\nThanks again`;
    case 'report_back':
      return `Hi ${first}, a quick update: I followed your advice and ${rng.pick(['the portfolio review went well', 'I now have two interviews lined up', 'the contact you suggested was very helpful'])}. Thank you again for your time.`;
    case 'keep_in_touch':
      return `Hi ${first}, I came across ${rng.pick(ARTICLES)} and thought of our conversation about ${rng.pick(TOPICS)}. ${rng.pick(['Hope all is well at', 'How are things at', 'Congrats on the news from'])} ${where}?`;
    default:
      return direction === 'in'
        ? rng.pick([
            'Thanks, got it!',
            `Sounds good — talk soon.`,
            `Great to hear from you, ${rng.pick(FIRST_NAMES)} says hi.`,
          ])
        : rng.pick([
            `Thanks ${first}, see you then.`,
            `Hi ${first}, just sharing ${rng.pick(ARTICLES)} as promised.`,
            `Could we move our call by 30 minutes?`,
          ]);
  }
}

/** An open or done task a job seeker keeps: a report back, a promise, or a note to self. */
export function taskTitle(rng: Rng, kind: 'report_back' | 'promise_mine' | 'custom', first: string): string {
  switch (kind) {
    case 'report_back':
      return `Report back to ${first} on ${rng.pick(['the portfolio review', 'the course', 'the referral', 'the interview'])}`;
    case 'promise_mine':
      return `Send ${first} ${rng.pick(ARTICLES)}`;
    default:
      return rng.pick([
        'Update the resume headline',
        `Research ${first}'s team before reaching out`,
        'Rewrite the request template',
        'Review the target list',
      ]);
  }
}
