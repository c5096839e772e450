/**
 * Merge fields and the built-in message templates. The request templates follow method.md
 * section 3: short, connection first, interest at two sizes, one line of background, mostly about
 * the reader, a small concrete ask phrased as a question at the end, the sender's contact details,
 * and never a job ask. request-checker.test.ts keeps them honest.
 */

export const MERGE_FIELDS = [
  'firstName',
  'fullName',
  'organization',
  'referrer',
  'school',
  'interestNarrow',
  'interestBroad',
  'myName',
  'myBackground',
  'myContact',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const KNOWN_FIELDS: ReadonlySet<string> = new Set(MERGE_FIELDS);
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Fills `{{field}}` placeholders. A placeholder whose field is unknown, missing or blank stays in
 * the text as `{{field}}` — so the gap is visible before sending — and is listed in `missing`
 * (once, in order of first appearance).
 */
export function renderTemplate(
  template: string,
  fields: Partial<Record<MergeField, string>>,
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = template.replace(PLACEHOLDER, (_whole, name: string) => {
    // Only known names are looked up, so "{{constructor}}" can never reach Object.prototype.
    const value = KNOWN_FIELDS.has(name) ? fields[name as MergeField]?.trim() : undefined;
    if (value) return value;
    if (!missing.includes(name)) missing.push(name);
    return `{{${name}}}`;
  });
  return { text, missing };
}

export interface BuiltInTemplate {
  key: string;
  name: string;
  kind:
    | 'referred'
    | 'alumni'
    | 'cold_shared_interest'
    | 'after_rejection'
    | 'thank_you'
    | 'follow_up'
    | 'keep_in_touch';
  subject: string;
  body: string;
}

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    key: 'referred',
    name: 'Referred by someone you know',
    kind: 'referred',
    subject: 'Referred by {{referrer}}',
    body: `Hi {{firstName}},

{{referrer}} suggested I get in touch with you. I am exploring a move into {{interestBroad}}, and I would love to hear how you see the field, especially {{interestNarrow}}. My own background is in {{myBackground}}. Would you have 20–30 minutes for a call or a coffee in the next few weeks, whenever suits you?

Thank you,
{{myName}}
{{myContact}}`,
  },
  {
    key: 'alumni',
    name: 'Fellow alum',
    kind: 'alumni',
    subject: 'Fellow {{school}} alum',
    body: `Hi {{firstName}},

As a fellow {{school}} alum, I was glad to find you in the alumni network. You have built a career in {{interestBroad}}, and I am curious how you got there and what {{interestNarrow}} is like. My background is in {{myBackground}}. Could you spare 20–30 minutes for a call at a time that works for you?

Best,
{{myName}}
{{myContact}}`,
  },
  {
    key: 'cold_shared_interest',
    name: 'No shared contact, a shared interest',
    kind: 'cold_shared_interest',
    subject: 'A question about {{interestBroad}}',
    body: `Hi {{firstName}},

Your work at {{organization}} is a big part of why {{interestBroad}} caught my attention, and you clearly see the field up close. What you think about {{interestNarrow}} would mean a lot to someone coming from {{myBackground}}. Would you be open to a 20–30 minute call at whatever time suits you best?

Thank you,
{{myName}}
{{myContact}}`,
  },
  {
    key: 'after_rejection',
    name: 'After a rejection: ask for feedback',
    kind: 'after_rejection',
    subject: 'Thank you, and one question',
    body: `Hi {{firstName}},

We met during the interviews at {{organization}}, and thank you again for your time and your thoughtful questions. The decision went another way, and that is fine. Your perspective would still mean a lot: which skills would you want to see first in someone coming from {{myBackground}} and aiming for {{interestBroad}}? Would you be open to a 20-minute call whenever it suits you?

Best,
{{myName}}
{{myContact}}`,
  },
  {
    key: 'thank_you',
    name: 'Thank you after a conversation',
    kind: 'thank_you',
    subject: 'Thank you, {{firstName}}',
    body: `Hi {{firstName}},

Thank you for taking the time to talk with me today. What you said about {{interestNarrow}} has stayed with me, and I am already putting it to work. I will let you know how it goes.

With thanks,
{{myName}}`,
  },
  {
    key: 'follow_up',
    name: 'One friendly follow-up',
    kind: 'follow_up',
    subject: 'Following up on my note',
    body: `Hi {{firstName}},

I know your inbox is full, so I am bringing my earlier note back up in case it got buried. Your view on {{interestNarrow}} would still help a great deal. Would a 20–30 minute call in the next few weeks work for you? If now is not a good time, no problem at all.

Thank you,
{{myName}}`,
  },
  {
    key: 'keep_in_touch',
    name: 'Keep in touch',
    kind: 'keep_in_touch',
    subject: 'A quick update, and thanks again',
    body: `Hi {{firstName}},

It has been a while since we talked about {{interestNarrow}}, and your advice is still on my mind: it changed how I approach {{interestBroad}}. How are things at {{organization}}? I would love to hear what you are working on these days and how your year is going.

All the best,
{{myName}}`,
  },
];
