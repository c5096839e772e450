import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  type DraftStorage,
  formatDraftTime,
  isDraftWorthOffering,
  readDraft,
  writeDraft,
} from './local-draft.js';
import { hasUnsavedChanges, leavesPage, markUnsaved } from './unsaved-changes.js';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

const at = new Date('2026-11-23T10:42:00Z');

describe('local drafts', () => {
  it('keeps what was typed with its time, and forgets it once cleared', () => {
    const storage = memoryStorage();
    writeDraft(storage, 'draft:debrief:c1', { summary: 'They hire in spring' }, at);
    expect(readDraft(storage, 'draft:debrief:c1')).toEqual({
      savedAt: '2026-11-23T10:42:00.000Z',
      value: { summary: 'They hire in spring' },
    });
    clearDraft(storage, 'draft:debrief:c1');
    expect(readDraft(storage, 'draft:debrief:c1')).toBeNull();
  });

  it('reads nothing from a damaged entry or a storage that refuses', () => {
    const storage = memoryStorage();
    storage.items.set('draft:note:n1', '{not json');
    expect(readDraft(storage, 'draft:note:n1')).toBeNull();
    storage.items.set('draft:note:n1', JSON.stringify({ savedAt: 'yesterday', value: 'x' }));
    expect(readDraft(storage, 'draft:note:n1')).toBeNull();
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(() => writeDraft(full, 'k', 'text', at)).not.toThrow();
    expect(readDraft(null, 'k')).toBeNull();
  });

  it('offers a draft only when it differs from the form and is newer than the last save', () => {
    const draft = { savedAt: '2026-11-23T10:42:00.000Z', value: { body: 'typed' } };
    expect(isDraftWorthOffering(draft, { body: '' })).toBe(true);
    expect(isDraftWorthOffering(draft, { body: 'typed' })).toBe(false);
    expect(isDraftWorthOffering(draft, { body: '' }, '2026-11-23T10:00:00.000Z')).toBe(true);
    expect(isDraftWorthOffering(draft, { body: '' }, '2026-11-23T11:00:00.000Z')).toBe(false);
    expect(isDraftWorthOffering(null, { body: '' })).toBe(false);
  });

  it('writes the time alone for today and adds the day otherwise', () => {
    const today = formatDraftTime('2026-11-23T10:42:00Z', at, 'en-GB');
    expect(today).toMatch(/^\d{2}:\d{2}$/);
    const earlier = formatDraftTime('2026-11-20T10:42:00Z', at, 'en-GB');
    expect(earlier).toMatch(/^20 Nov, \d{2}:\d{2}$/);
    expect(formatDraftTime('2025-11-20T10:42:00Z', at, 'en-GB')).toMatch(/^20 Nov 2025, \d{2}:\d{2}$/);
  });
});

describe('unsaved changes', () => {
  it('is unsaved while any form is marked', () => {
    const a = Symbol('a');
    const b = Symbol('b');
    markUnsaved(a, true);
    markUnsaved(b, true);
    markUnsaved(a, false);
    expect(hasUnsavedChanges()).toBe(true);
    markUnsaved(b, false);
    expect(hasUnsavedChanges()).toBe(false);
  });

  it('treats a jump within the page (the skip link) as staying', () => {
    expect(leavesPage({ pathname: '/people/new', search: '' }, { pathname: '/people/new', search: '' })).toBe(
      false,
    );
    expect(leavesPage({ pathname: '/people/new', search: '' }, { pathname: '/people', search: '' })).toBe(
      true,
    );
    expect(
      leavesPage({ pathname: '/compose', search: '?a=1' }, { pathname: '/compose', search: '?a=2' }),
    ).toBe(true);
  });
});
