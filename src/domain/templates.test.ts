import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, MERGE_FIELDS, renderTemplate } from './templates.js';

describe('renderTemplate', () => {
  it('fills known fields', () => {
    const result = renderTemplate('Hi {{firstName}}, {{referrer}} suggested I write.', {
      firstName: 'Jonas',
      referrer: 'Priya',
    });
    expect(result).toEqual({ text: 'Hi Jonas, Priya suggested I write.', missing: [] });
  });

  it('tolerates spaces inside the braces and trims values', () => {
    expect(renderTemplate('Hi {{ firstName }}!', { firstName: '  Jonas ' }).text).toBe('Hi Jonas!');
  });

  it('leaves missing and empty fields visible and lists each once, in order', () => {
    const result = renderTemplate('{{school}} / {{firstName}} / {{school}} / {{organization}}', {
      firstName: '',
      organization: '   ',
    });
    expect(result.text).toBe('{{school}} / {{firstName}} / {{school}} / {{organization}}');
    expect(result.missing).toEqual(['school', 'firstName', 'organization']);
  });

  it('leaves unknown fields in place and lists them, without reaching object internals', () => {
    const result = renderTemplate('{{nickname}} {{constructor}} {{toString}}', { firstName: 'Jonas' });
    expect(result.text).toBe('{{nickname}} {{constructor}} {{toString}}');
    expect(result.missing).toEqual(['nickname', 'constructor', 'toString']);
  });

  it('does not treat values as templates', () => {
    const result = renderTemplate('{{firstName}} at {{organization}}', {
      firstName: '{{organization}}',
      organization: '$& Co',
    });
    expect(result).toEqual({ text: '{{organization}} at $& Co', missing: [] });
  });

  it('ignores text that only looks a little like a placeholder', () => {
    expect(renderTemplate('{firstName} {{ }} {{1x}}', {}).missing).toEqual([]);
  });
});

describe('BUILT_IN_TEMPLATES', () => {
  it('covers every kind the method needs, with unique keys', () => {
    const kinds = BUILT_IN_TEMPLATES.map((t) => t.kind);
    for (const kind of [
      'referred',
      'alumni',
      'cold_shared_interest',
      'after_rejection',
      'thank_you',
      'follow_up',
      'keep_in_touch',
    ] as const) {
      expect(kinds).toContain(kind);
    }
    const keys = BUILT_IN_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses subjects that lead with the connection', () => {
    const subject = (kind: string) => BUILT_IN_TEMPLATES.find((t) => t.kind === kind)?.subject;
    expect(subject('referred')).toBe('Referred by {{referrer}}');
    expect(subject('alumni')).toBe('Fellow {{school}} alum');
  });

  it('only uses known merge fields', () => {
    const known = new Set<string>(MERGE_FIELDS);
    for (const t of BUILT_IN_TEMPLATES) {
      for (const [, name] of `${t.subject}\n${t.body}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
        expect(known.has(name!), `${t.key}: ${name}`).toBe(true);
      }
    }
  });

  it('greets by first name and signs with the user name, and requests with how to reach them', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      expect(t.body.startsWith('Hi {{firstName}},\n'), t.key).toBe(true);
      const isRequest = ['referred', 'alumni', 'cold_shared_interest', 'after_rejection'].includes(t.kind);
      expect(t.body.endsWith(isRequest ? '\n{{myName}}\n{{myContact}}' : '\n{{myName}}'), t.key).toBe(true);
      expect(t.name.length).toBeGreaterThan(0);
    }
  });

  it('asks for a small amount of time in every request and the follow-up', () => {
    for (const t of BUILT_IN_TEMPLATES.filter((x) =>
      ['referred', 'alumni', 'cold_shared_interest', 'after_rejection', 'follow_up'].includes(x.kind),
    )) {
      expect(t.body, t.key).toMatch(/20(–30)?[- ]minute|20–30 minutes/);
      expect(t.body, t.key).toMatch(/\?/);
    }
  });
});
