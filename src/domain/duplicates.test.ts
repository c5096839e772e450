import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, emailKey, foldName, linkedInKey } from './duplicates.js';
import { historyText } from './history-text.js';

describe('compareNames', () => {
  it('matches a short form of the first name', () => {
    expect(compareNames('Jon Smith', 'Jonathan Smith')?.match).toBe('short_form');
  });
  it('matches an initial', () => {
    expect(compareNames('J. Smith', 'John Smith')?.match).toBe('initial');
    expect(compareNames('John Smith', 'J Smith')?.match).toBe('initial');
  });
  it('matches names that differ only in accents or case', () => {
    expect(compareNames('José Núñez', 'Jose Nunez')?.match).toBe('accents');
    expect(compareNames('ana silva', 'Ana Silva')?.match).toBe('same');
  });
  it('matches a one-letter typo in a first name of four letters or more', () => {
    expect(compareNames('Jonh Smith', 'John Smith')?.match).toBe('typo');
  });
  it('matches a one-letter slip in a last name of four letters or more when the first names agree', () => {
    expect(compareNames('Anna Smtih', 'Anna Smith')?.match).toBe('typo');
    expect(compareNames('María Gonzales', 'Maria González')?.explanation).toContain(
      'last names one letter apart',
    );
    expect(compareNames('Ana Silv', 'Ana Silva')?.match).toBe('typo');
    expect(compareNames('John Lee', 'John Lea')).toBeNull();
  });
  it('ignores middle names', () => {
    expect(compareNames('Ana Maria Silva', 'Ana Silva')?.match).toBe('same');
  });
  it('does not match different first names or different last names', () => {
    expect(compareNames('Anna Smith', 'John Smith')).toBeNull();
    expect(compareNames('John Smith', 'John Stone')).toBeNull();
    expect(compareNames('Jonh Smith', 'John Smyth')).toBeNull();
    expect(compareNames('K. Smith', 'John Smith')).toBeNull();
    expect(compareNames('Ann Lee', 'Anna Lee')?.match).toBe('short_form');
  });
  it('explains the match in words naming both people', () => {
    expect(compareNames('J. Smith', 'John Smith')?.explanation).toContain('“J. Smith” could be “John Smith”');
  });
  it('is symmetric and every name matches itself', () => {
    const name = fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,8}( [A-Za-zÀ-ÿ.]{1,8}){0,2}$/);
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(compareNames(a, b)?.match).toBe(compareNames(b, a)?.match);
        if (foldName(a)) expect(compareNames(a, a)).not.toBeNull();
      }),
    );
  });
});

describe('keys', () => {
  it('compares e-mails trimmed and without case', () => {
    expect(emailKey('  Ana@Example.COM ')).toBe('ana@example.com');
    expect(emailKey('  ')).toBeNull();
  });
  it('compares LinkedIn profiles by their path', () => {
    expect(linkedInKey('https://www.linkedin.com/in/ana-silva/')).toBe(
      linkedInKey('linkedin.com/in/Ana-Silva'),
    );
  });
});

describe('historyText', () => {
  it('lists what a person has, leaving out what is zero', () => {
    const none = { conversations: 0, messages: 0, notes: 0, introductions: 0, tasks: 0 };
    expect(historyText(none)).toBeNull();
    expect(historyText({ ...none, notes: 1 })).toBe('1 note');
    expect(historyText({ ...none, conversations: 3, messages: 12, introductions: 2 })).toBe(
      '3 conversations, 12 messages and 2 introductions',
    );
  });
});
