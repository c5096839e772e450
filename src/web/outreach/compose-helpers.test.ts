import { describe, expect, it } from 'vitest';
import { defaultTemplateId, isOutgoingPurpose, knownFields, templateFields } from './compose-helpers.js';

const t = (id: string, kind: string, builtIn = true) => ({ id, kind, builtIn, subject: '', body: '' });
const templates = [
  t('r', 'referred'),
  t('c', 'cold_shared_interest'),
  t('f', 'follow_up'),
  t('mine', 'report_back', false),
];

describe('defaultTemplateId', () => {
  it('starts a request from the referral template only when someone introduced the person', () => {
    expect(defaultTemplateId(templates, 'request', true)).toBe('r');
    expect(defaultTemplateId(templates, 'request', false)).toBe('c');
  });

  it("uses the built-in of the purpose's kind, else one of the user's own, else none", () => {
    expect(defaultTemplateId(templates, 'follow_up', false)).toBe('f');
    expect(defaultTemplateId(templates, 'report_back', false)).toBe('mine');
    expect(defaultTemplateId(templates, 'other', false)).toBe('');
  });
});

describe('templateFields', () => {
  it('lists the known merge fields once each, about the reader first', () => {
    expect(
      templateFields({ subject: 'Fellow {{school}} alum', body: 'Hi {{firstName}}, {{school}} {{bogus}}' }),
    ).toEqual(['firstName', 'school']);
  });
});

describe('knownFields', () => {
  it("fills the person's names, organization and referrer, and a real name of mine", () => {
    expect(
      knownFields(
        {
          fullName: 'Ana María Soto',
          organizationName: 'Brightpath',
          introducedBy: { fullName: 'Leo Park' },
        },
        'Sam Lee',
      ),
    ).toEqual({
      myName: 'Sam Lee',
      fullName: 'Ana María Soto',
      firstName: 'Ana',
      organization: 'Brightpath',
      referrer: 'Leo Park',
    });
  });

  it('leaves out the placeholder name "Me"', () => {
    expect(knownFields(null, 'Me')).toEqual({});
  });
});

describe('isOutgoingPurpose', () => {
  it('accepts what the user sends and refuses what only arrives', () => {
    expect(isOutgoingPurpose('thank_you')).toBe(true);
    expect(isOutgoingPurpose('reply')).toBe(false);
    expect(isOutgoingPurpose(null)).toBe(false);
  });
});
