import { describe, expect, it } from 'vitest';
import { allowedNextStatuses, assertTransition } from './conversation-status.js';
import { AppError } from './errors.js';
import { CONVERSATION_STATUSES } from './vocab.js';

describe('conversation status machine', () => {
  it('walks the happy path from idea to keeping in touch', () => {
    const path = [
      'idea',
      'requested',
      'accepted',
      'scheduled',
      'held',
      'thanked',
      'keeping_in_touch',
    ] as const;
    for (let i = 1; i < path.length; i++) {
      expect(() => assertTransition(path[i - 1]!, path[i]!)).not.toThrow();
    }
  });

  it('lets a request end as declined or no reply, and a late reply still be accepted', () => {
    expect(() => assertTransition('requested', 'declined')).not.toThrow();
    expect(() => assertTransition('requested', 'no_reply')).not.toThrow();
    expect(() => assertTransition('no_reply', 'accepted')).not.toThrow();
  });

  it('refuses to skip the meeting and says why and what is possible', () => {
    try {
      assertTransition('requested', 'held');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      const e = err as AppError;
      expect(e.code).toBe('illegal_transition');
      expect(e.userMessage).toContain('cannot go from Requested to Held');
      expect(e.userMessage).toContain('Accepted');
      expect(e.userMessage).toContain('Only a scheduled meeting can be marked as held');
    }
  });

  it('refuses a move to the same status', () => {
    expect(() => assertTransition('idea', 'idea')).toThrow(/already Idea/);
  });

  it('cannot cancel a conversation once the meeting was held', () => {
    expect(() => assertTransition('held', 'cancelled')).toThrow(AppError);
    expect(allowedNextStatuses('keeping_in_touch')).toEqual([]);
  });

  it('every status can be reached from idea', () => {
    const seen = new Set<string>(['idea']);
    const queue = ['idea'] as (typeof CONVERSATION_STATUSES)[number][];
    while (queue.length) {
      for (const next of allowedNextStatuses(queue.shift()!)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...CONVERSATION_STATUSES].sort());
  });
});
