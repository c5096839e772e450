import { describe, expect, it } from 'vitest';
import {
  type DebriefValues,
  emptyInsight,
  emptyPromise,
  emptyReferral,
  isEmptyDebrief,
  type KeepRow,
  referralLookup,
  rowError,
  toDebriefInput,
} from './debrief-form-values.js';

const keep: KeepRow = { personId: 'p1', fullName: 'Ana', permission: 'unknown', everyDays: '', channel: '' };

function values(patch: Partial<DebriefValues> = {}): DebriefValues {
  return {
    summary: '',
    answers: { a1: 'Stored answer', a2: '' },
    insights: [],
    referrals: [],
    promises: [],
    keepInTouch: [{ ...keep }],
    ...patch,
  };
}

const initial = { answers: { a1: 'Stored answer' }, keepInTouch: [keep] };

describe('toDebriefInput', () => {
  it('sends nothing for an untouched form', () => {
    const { input } = toDebriefInput(values({ insights: [emptyInsight('Analyst', 'p1')] }), initial);
    expect(isEmptyDebrief(input)).toBe(true);
  });

  it('sends changed answers, written rows and changed keep-in-touch answers only', () => {
    const blankInsight = emptyInsight('', 'p1');
    const insight = {
      ...emptyInsight('Data analyst', 'p2'),
      body: 'They hire juniors in spring',
      skills: 'SQL, and Excel',
    };
    const referral = { ...emptyReferral('p1'), fullName: 'Rafa Lima', email: '' };
    const promise = { ...emptyPromise('p1'), title: 'Send the article', dueOn: '2026-03-01' };
    const { input, sent } = toDebriefInput(
      values({
        summary: '  Went well  ',
        answers: { a1: 'Stored answer', a2: 'New answer' },
        insights: [blankInsight, insight],
        referrals: [referral],
        promises: [promise],
        keepInTouch: [{ ...keep, permission: 'yes', everyDays: '60', channel: 'email' }],
      }),
      initial,
    );
    expect(input.summary).toBe('Went well');
    expect(input.answers).toEqual([{ planItemId: 'a2', answer: 'New answer' }]);
    expect(input.insights).toEqual([
      {
        topic: 'advice',
        body: 'They hire juniors in spring',
        skills: ['SQL', 'Excel'],
        role: 'Data analyst',
        personId: 'p2',
      },
    ]);
    expect(input.referrals?.[0]).toMatchObject({ fullName: 'Rafa Lima', email: null, suggestRequest: true });
    expect(input.promises).toEqual([
      { owner: 'mine', title: 'Send the article', dueOn: '2026-03-01', personId: 'p1' },
    ]);
    expect(input.keepInTouch).toEqual([
      { personId: 'p1', permission: 'yes', everyDays: 60, channel: 'email' },
    ]);
    // The blank first insight was dropped, so the server's "insights.0" is the second row.
    expect(sent.insights).toEqual([insight.key]);
    expect(rowError({ 'insights.0.body': 'is empty' }, sent, 'insights', insight.key, 'body')).toBe(
      'is empty',
    );
    expect(
      rowError({ 'insights.0.body': 'is empty' }, sent, 'insights', blankInsight.key, 'body'),
    ).toBeUndefined();
  });
});

describe('referrals to people already in the contacts', () => {
  it('sends the person the user chose to link, or that they want a new person', () => {
    const linked = {
      ...emptyReferral('p1'),
      fullName: 'Priya Shah',
      personId: 'p9',
      linkedName: 'Priya Shah',
    };
    const fresh = {
      ...emptyReferral('p1'),
      fullName: 'Priya Shah',
      email: 'priya@x.example',
      createNew: true,
    };
    const plain = { ...emptyReferral('p1'), linkedinUrl: ' https://www.linkedin.com/in/omar ' };
    const { input } = toDebriefInput(values({ referrals: [linked, fresh, plain] }), initial);
    expect(input.referrals?.[0]).toMatchObject({ personId: 'p9', fullName: 'Priya Shah' });
    expect(input.referrals?.[0]).not.toHaveProperty('createNew');
    expect(input.referrals?.[1]).toMatchObject({ createNew: true, email: 'priya@x.example' });
    expect(input.referrals?.[1]).not.toHaveProperty('personId');
    expect(input.referrals?.[2]).toMatchObject({ linkedinUrl: 'https://www.linkedin.com/in/omar' });
  });

  it('looks the contacts up once enough is typed, and not after a choice was made', () => {
    const row = emptyReferral('p1');
    expect(referralLookup({ ...row, fullName: 'Pr' })).toBeNull();
    expect(referralLookup({ ...row, fullName: 'Priya', organizationName: ' Brightpath ' })).toEqual({
      fullName: 'Priya',
      organizationName: 'Brightpath',
    });
    expect(referralLookup({ ...row, email: 'priya@brightpath.example' })).toEqual({
      email: 'priya@brightpath.example',
    });
    expect(referralLookup({ ...row, fullName: 'Priya Shah', personId: 'p9' })).toBeNull();
    expect(referralLookup({ ...row, fullName: 'Priya Shah', createNew: true })).toBeNull();
  });
});
