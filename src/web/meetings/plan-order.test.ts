import { describe, expect, it } from 'vitest';
import { displayOrder, groupBySection, isInDisplayOrder, moveWithinSection } from './plan-order.js';

const item = (id: string, section: string, position: number, minutes = 3) => ({
  id,
  section,
  position,
  minutes,
});

describe('plan order', () => {
  it('shows a question added later at the end of its own section, not after the closing', () => {
    const items = [
      item('warm', 'rapport', 0, 4),
      item('q1', 'questions', 1),
      item('close', 'next_steps', 2, 2),
      item('added', 'questions', 3),
    ];
    expect(displayOrder(items).map((i) => i.id)).toEqual(['warm', 'q1', 'added', 'close']);
    expect(isInDisplayOrder(items)).toBe(false);
    const groups = groupBySection(items);
    expect(groups.map((g) => [g.label, g.minutes])).toEqual([
      ['Warm-up', 4],
      ['Your questions', 6],
      ['Next steps', 2],
    ]);
  });

  it('moves an item within its section and refuses to cross into another', () => {
    const items = [item('warm', 'rapport', 0), item('a', 'questions', 1), item('b', 'questions', 2)];
    expect(isInDisplayOrder(items)).toBe(true);
    const moved = moveWithinSection(items, 'b', -1);
    expect(moved?.map((i) => [i.id, i.position])).toEqual([
      ['warm', 0],
      ['b', 1],
      ['a', 2],
    ]);
    expect(moveWithinSection(items, 'a', -1)).toBeNull();
    expect(moveWithinSection(items, 'b', 1)).toBeNull();
    expect(moveWithinSection(items, 'missing', 1)).toBeNull();
  });
});
