import { PLAN_SECTION_LABELS, type PlanSection } from '../../domain/plan.js';

/**
 * The order the agenda's sections are met in a conversation. Every plan shape (TIARA, hiring
 * manager, feedback) is a subsequence of it, so sorting by it never breaks a proposed plan.
 */
export const SECTION_ORDER: readonly PlanSection[] = [
  'rapport',
  'questions',
  'their_needs',
  'my_fit',
  'feedback',
  'next_steps',
];

interface Ordered {
  id: string;
  section: string;
  position: number;
}

function sectionIndex(section: string): number {
  const i = SECTION_ORDER.indexOf(section as PlanSection);
  return i === -1 ? SECTION_ORDER.length : i;
}

/** The label of a section, or its stored name when it is not a known one. */
export function sectionLabel(section: string): string {
  return PLAN_SECTION_LABELS[section as PlanSection] ?? section;
}

/**
 * The items in the order they are shown and asked: by section, then by position. A question
 * added later lands at the end of its own section rather than after the closing questions.
 */
export function displayOrder<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => sectionIndex(a.section) - sectionIndex(b.section) || a.position - b.position,
  );
}

/** True when the stored positions already follow the display order. */
export function isInDisplayOrder(items: readonly Ordered[]): boolean {
  const byPosition = [...items].sort((a, b) => a.position - b.position).map((i) => i.id);
  return displayOrder(items).every((item, n) => item.id === byPosition[n]);
}

/** The items grouped by section, in display order, with the minutes of each group. */
export function groupBySection<T extends Ordered & { minutes: number }>(
  items: readonly T[],
): { section: string; label: string; minutes: number; items: T[] }[] {
  const groups: { section: string; label: string; minutes: number; items: T[] }[] = [];
  for (const item of displayOrder(items)) {
    let group = groups.at(-1);
    if (!group || group.section !== item.section) {
      group = { section: item.section, label: sectionLabel(item.section), minutes: 0, items: [] };
      groups.push(group);
    }
    group.items.push(item);
    group.minutes += item.minutes;
  }
  return groups;
}

/**
 * The display order after moving one item a step up (-1) or down (+1) within its section, or
 * null when it is already first or last there. Positions are renumbered from 0.
 */
export function moveWithinSection<T extends Ordered>(
  items: readonly T[],
  id: string,
  step: -1 | 1,
): T[] | null {
  const ordered = displayOrder(items);
  const from = ordered.findIndex((i) => i.id === id);
  const to = from + step;
  const moving = ordered[from];
  const other = ordered[to];
  if (!moving || !other || other.section !== moving.section) return null;
  ordered[from] = other;
  ordered[to] = moving;
  return ordered.map((item, position) => ({ ...item, position }));
}
