import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';
import { createOrganization } from '../../../services/organizations/organizations.js';
import { addTarget } from '../../../services/organizations/targets.js';
import { createPerson } from '../../../services/people/people.js';

let t: TestDb;
let send: Send;
beforeAll(async () => {
  ({ t, send } = await openTestApi());
});
afterAll(() => t.close());

interface Check {
  wordCount: number;
  findings: { rule: string; severity: string; message: string; excerpt?: string; excerpts?: string[] }[];
}

describe('checking a draft request over the API', () => {
  it('catches an everyday job ask and names the missing parts of a request', async () => {
    const res = await send('POST', '/api/outreach/check', {
      text: 'Hi Jonas,\n\nPriya suggested I write to you. Would you have 20 minutes for a call? I would be so happy to come and work with you at Northwind.\n\nBest,\nAna',
    });
    expect(res.status).toBe(200);
    const { findings } = (await res.json()) as Check;
    expect(findings.find((f) => f.rule === 'job_ask')).toMatchObject({
      severity: 'strong',
      excerpt: 'I would be so happy to come and work with you at Northwind.',
    });
    // The question is there, but the job ask after it buries it.
    expect(findings.find((f) => f.rule === 'question')).toMatchObject({
      severity: 'warning',
      excerpt: 'I would be so happy to come and work with you at Northwind.',
    });
    const advice = findings.filter((f) => f.severity === 'info').map((f) => f.rule);
    expect(advice).toEqual(expect.arrayContaining(['interest', 'background', 'contact']));
  });

  it('states a repeated finding once with all its excerpts, and names a connection once', async () => {
    const res = await send('POST', '/api/outreach/check', {
      text: 'Hi Jonas,\n\nI am exploring product roles. Are you hiring? I have attached my CV. Please keep me in mind for any vacancies. Would you have 20 minutes for a call?\n\nBest,\nAna',
      connectionHints: ['Maya Lund', 'maya lund'],
    });
    expect(res.status).toBe(200);
    const { findings } = (await res.json()) as Check;
    const jobAsks = findings.filter((f) => f.rule === 'job_ask');
    expect(jobAsks).toHaveLength(1);
    expect(jobAsks[0]?.excerpts).toEqual([
      'Are you hiring?',
      'I have attached my CV.',
      'Please keep me in mind for any vacancies.',
    ]);
    const connection = findings.find((f) => f.rule === 'connection_first');
    expect(connection?.message).toMatch(/mention Maya Lund in the first sentence/);
  });

  it('takes the interests the user typed as hints, and leaves a fair question about hiring alone', async () => {
    const text = `Hi Jonas,

Priya suggested I write to you. I keep coming back to learning design and how your studio plans courses. I taught science for eight years. What makes a candidate stand out for a position in learning design? Would you have 20 minutes for a call?

Best,
Ana Costa
ana@example.com`;
    const res = await send('POST', '/api/outreach/check', {
      text,
      narrowHints: ['how your studio plans courses'],
      broadHints: ['learning design'],
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Check).findings).toEqual([]);
  });

  it('fills a built-in template into a draft that passes every check', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Brightwater Learning' } });
    const maya = await createPerson({ ...t.ctx, input: { fullName: 'Maya Referrer' } });
    const jo = await createPerson({
      ...t.ctx,
      input: { fullName: 'Jo Target', organizationId: org.id, introducedById: maya.id },
    });
    const templates = (await (await send('GET', '/api/outreach/templates')).json()) as {
      id: string;
      kind: string;
    }[];
    const referred = templates.find((x) => x.kind === 'referred')!;
    const base = {
      interestNarrow: 'how your team builds courses for nurses',
      interestBroad: 'learning design',
      myBackground: 'eight years of teaching science',
      myName: 'Ana Costa',
    };
    const withContact = await send('POST', '/api/outreach/draft', {
      templateId: referred.id,
      personId: jo.id,
      fields: { ...base, myContact: 'ana@example.com' },
    });
    expect(withContact.status).toBe(200);
    const draft = (await withContact.json()) as Check & { body: string; missing: string[] };
    expect(draft.missing).toEqual([]);
    expect(draft.body).toContain('ana@example.com');
    expect(draft.findings).toEqual([]);

    const without = (await (
      await send('POST', '/api/outreach/draft', { templateId: referred.id, personId: jo.id, fields: base })
    ).json()) as Check & { missing: string[] };
    expect(without.missing).toEqual(['myContact']);
    expect(without.findings.map((f) => f.rule)).toEqual(['contact']);
  });

  it('gives the compose page the caution for an employer with an open posting', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Northwind Energy' } });
    await addTarget({ ...t.ctx, input: { organizationId: org.id, posting: 3, hasOpenPosting: true } });
    const res = await send('GET', '/api/outreach/targets');
    expect(res.status).toBe(200);
    const targets = (await res.json()) as { organizationId: string; caution: string | null }[];
    expect(targets.find((x) => x.organizationId === org.id)?.caution).toMatch(/job application in disguise/);
  });
});
