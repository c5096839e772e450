/**
 * Knowledge gathered from conversations (method.md section 7, seeds 003 and 004): insights are
 * filed by topic, and the skills people say they look for are tallied across everyone the user
 * heard from — "SQL — 4 of 6 people" is a stronger signal than any single opinion.
 */

export const INSIGHT_TOPICS = [
  'culture',
  'skills_wanted',
  'hiring_process',
  'trends',
  'advice',
  'unadvertised_opening',
] as const;
export type InsightTopic = (typeof INSIGHT_TOPICS)[number];

export const INSIGHT_TOPIC_LABELS: Record<InsightTopic, string> = {
  culture: 'Culture',
  skills_wanted: 'Skills they look for',
  hiring_process: 'How they hire',
  trends: 'Trends',
  advice: 'Advice',
  unadvertised_opening: 'Unadvertised opening',
};

/**
 * A skill as written, tidied: surrounding space, list bullets and end punctuation removed, inner
 * runs of space collapsed. The case is kept — "SQL" and "JavaScript" say how the skill is
 * spelled — and `skillKey` is what matches variants.
 */
export function normalizeSkill(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:[-*•·+]|\d+[.)])\s+/u, '')
    .replace(/[\s.,;:!?]+$/u, '')
    .trim();
}

/** The case-insensitive key under which spellings of one skill are counted together. */
export function skillKey(s: string): string {
  return normalizeSkill(s).toLowerCase();
}

function isAllCaps(s: string): boolean {
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

/**
 * The spelling to show for one skill among the `variants` seen (in order): an all-capitals form
 * wins, since it is almost always an acronym ("SQL"); then the first form someone capitalized
 * ("JavaScript"); else the first form seen, with a capital first letter.
 */
export function displaySkill(variants: readonly string[]): string {
  const tidy = variants.map(normalizeSkill).filter((v) => v !== '');
  const pick = tidy.find(isAllCaps) ?? tidy.find((v) => v !== v.toLowerCase()) ?? tidy[0] ?? '';
  return pick.charAt(0).toUpperCase() + pick.slice(1);
}

export interface SkillTally {
  skill: string;
  /** How many different people named it. */
  people: number;
  /** How many different people are in the rows, named a skill or not. */
  of: number;
}

const bySkill = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Counts, for each skill, how many different people named it. A person who names a skill twice
 * (in two insights, or spelled two ways) counts once. Most-named first, then by name.
 */
export function tallySkills(rows: readonly { personId: string; skills: readonly string[] }[]): SkillTally[] {
  const everyone = new Set<string>();
  const bySkillKey = new Map<string, { variants: string[]; people: Set<string> }>();
  for (const row of rows) {
    everyone.add(row.personId);
    for (const raw of row.skills) {
      const key = skillKey(raw);
      if (key === '') continue;
      let entry = bySkillKey.get(key);
      if (!entry) {
        entry = { variants: [], people: new Set() };
        bySkillKey.set(key, entry);
      }
      entry.variants.push(raw);
      entry.people.add(row.personId);
    }
  }
  const of = everyone.size;
  return [...bySkillKey.values()]
    .map((e) => ({ skill: displaySkill(e.variants), people: e.people.size, of }))
    .sort((a, b) => b.people - a.people || bySkill.compare(a.skill, b.skill));
}

/** "SQL — 4 of 6 people", the way a tally reads in a list. */
export function formatSkillTally(t: SkillTally): string {
  return `${t.skill} — ${t.people} of ${t.of} ${t.of === 1 ? 'person' : 'people'}`;
}

/**
 * Splits what the user typed into skills: commas, semicolons, new lines, bullets and vertical
 * bars separate them, and the "and" of a last item ("SQL, Python, and Excel") is dropped. An "and"
 * inside an item stays, so "research and development" is one skill. Repeats (any case) are
 * dropped, keeping the first spelling.
 */
export function parseSkills(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,;\n\r|•·]+/u)) {
    const skill = normalizeSkill(normalizeSkill(part).replace(/^(?:and|or|&)\s+/i, ''));
    const key = skill.toLowerCase();
    if (skill === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(skill);
  }
  return out;
}
