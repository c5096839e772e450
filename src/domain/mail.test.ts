import { describe, expect, it } from 'vitest';
import { cleanMessageId, inferPurpose, isExcludedAddress, isLoopbackHost, threadIds } from './mail.js';

describe('mail rules', () => {
  it('excludes an address or a whole domain, in any case', () => {
    expect(isExcludedAddress('Ana@Example.com', ['ana@example.com'])).toBe(true);
    expect(isExcludedAddress('bo@example.com', ['@EXAMPLE.com'])).toBe(true);
    expect(isExcludedAddress('bo@example.com', ['example.com'])).toBe(true);
    expect(isExcludedAddress('bo@example.org', ['example.com', 'ana@example.org'])).toBe(false);
  });

  it('guesses a purpose from where the conversation stands', () => {
    expect(inferPurpose({ direction: 'out', status: 'idea', answered: false })).toBe('request');
    expect(inferPurpose({ direction: 'out', status: 'requested', answered: false })).toBe('follow_up');
    expect(inferPurpose({ direction: 'out', status: 'held', answered: true })).toBe('thank_you');
    expect(inferPurpose({ direction: 'in', status: 'requested', answered: false })).toBe('reply');
    expect(inferPurpose({ direction: 'in', status: 'requested', answered: true })).toBe('other');
    expect(inferPurpose({ direction: 'out', status: null, answered: false })).toBe('other');
  });

  it('reads thread headers, nearest first', () => {
    expect(cleanMessageId(' <a@b> ')).toBe('a@b');
    expect(threadIds('<c@x>', ['<a@x>', '<b@x>', '<c@x>'])).toEqual(['c@x', 'b@x', 'a@x']);
    expect(threadIds(undefined, undefined)).toEqual([]);
  });

  it('lets a password travel unencrypted only on this machine', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('imap.example.com')).toBe(false);
  });
});
