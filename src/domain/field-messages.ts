import { fieldLabel } from './field-labels.js';

/**
 * The parts of a validation issue (zod's shape) that decide what to tell the person. Kept
 * structural so the domain does not depend on how the edge validates.
 */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  expected?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Ends a sentence with one full stop. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.?!]$/.test(t) ? t : `${t}.`;
}

/**
 * Makes a field message a sentence that names the field: "is required" → "Name is required.",
 * "no such person" → "Person: no such person."; one that starts with a capital is kept as it is.
 */
export function fieldSentence(path: string, message: string): string {
  const first = message.charAt(0);
  const fragment = first === first.toLowerCase() && first !== first.toUpperCase();
  if (!fragment) return sentence(message);
  // "is required" continues the label; "no such person" is said about it.
  const continues = /^(is|are|was|must|has|have|needs|contains|does|can|cannot|should|may)\b/.test(message);
  return sentence(`${fieldLabel(path)}${continues ? ' ' : ': '}${message}`);
}

function tooSmall(label: string, issue: IssueLike): string {
  const min = Number(issue.minimum ?? 0);
  switch (issue.origin) {
    case 'string':
      return min <= 1
        ? `${label} is required.`
        : `${label} is too short: at least ${plural(min, 'character', 'characters')}.`;
    case 'array':
    case 'set':
      return min <= 1
        ? `${label}: choose at least one.`
        : `${label} needs at least ${plural(min, 'entry', 'entries')}.`;
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive === false
        ? `${label} must be more than ${min}.`
        : `${label} must be ${min} or more.`;
    case 'date':
      return `${label} is too early.`;
    default:
      return `${label} is too small.`;
  }
}

function tooBig(label: string, issue: IssueLike): string {
  const max = Number(issue.maximum ?? 0);
  switch (issue.origin) {
    case 'string':
      return `${label} is too long: at most ${plural(max, 'character', 'characters')}.`;
    case 'array':
    case 'set':
      return `${label} has too many entries: at most ${max}.`;
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive === false
        ? `${label} must be less than ${max}.`
        : `${label} must be ${max} or less.`;
    case 'file':
      return `${label} is too large.`;
    default:
      return `${label} is too large.`;
  }
}

function badFormat(label: string, field: string, issue: IssueLike): string {
  switch (issue.format) {
    case 'uuid':
    case 'guid':
      return field === 'id'
        ? 'The id in the address is not one Rapport made: check the link, or copy the id again.'
        : `${label} does not point to a record: choose it from the list, or copy its id again.`;
    case 'email':
      return `${label} is not an e-mail address: write it like ana@example.com.`;
    case 'url':
      return `${label} is not a web address: write it starting with https://, like https://example.com.`;
    case 'datetime':
      return `${label} is not a date and time: write it like 2026-12-07T14:30:00+01:00.`;
    case 'date':
      return `${label} is not a date: write it like 2026-12-07.`;
    case 'time':
      return `${label} is not a time: write it like 14:30.`;
    default:
      return `${label} is not in a form Rapport can read.`;
  }
}

function wrongType(label: string, issue: IssueLike, missing: boolean): string {
  if (missing) return `${label} is required.`;
  switch (issue.expected) {
    case 'int':
      return `${label} must be a whole number.`;
    case 'number':
    case 'bigint':
      return `${label} must be a number.`;
    case 'string':
      return `${label} must be text.`;
    case 'boolean':
      return `${label} must be true or false.`;
    case 'array':
      return `${label} must be a list.`;
    case 'object':
      return label === 'The request'
        ? 'The request must be a JSON object.'
        : `${label} must be a group of fields.`;
    case 'date':
      return `${label} must be a date.`;
    default:
      return `${label} has the wrong kind of value.`;
  }
}

/**
 * One validation issue as a sentence about the field as it is labelled on screen, e.g.
 * "Name is too long: at most 200 characters." `missing` says the field was not sent at all.
 */
export function describeIssue(issue: IssueLike, missing = false): string {
  const field = issue.path.map(String).join('.') || '(body)';
  const label = fieldLabel(field);
  switch (issue.code) {
    case 'too_small':
      return tooSmall(label, issue);
    case 'too_big':
      return tooBig(label, issue);
    case 'invalid_format':
      return badFormat(label, field, issue);
    case 'invalid_type':
      return wrongType(label, issue, missing);
    case 'invalid_value': {
      const values = (issue.values ?? []).map(String);
      if (values.length === 0) return `${label} is not one of the choices.`;
      if (values.length === 1) return `${label} must be ${values[0]}.`;
      return `${label} must be one of: ${values.join(', ')}.`;
    }
    case 'unrecognized_keys':
      return `The request has fields Rapport does not know: ${(issue.keys ?? []).join(', ')}.`;
    case 'not_multiple_of':
      return `${label} is not a step Rapport allows.`;
    case 'custom':
      return fieldSentence(field, issue.message);
    default:
      return `${label} is not valid.`;
  }
}
