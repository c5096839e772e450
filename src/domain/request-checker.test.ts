import { describe, expect, it } from 'vitest';
import { checkRequest, countWords, type Finding, type FindingRule } from './request-checker.js';
import { BUILT_IN_TEMPLATES, renderTemplate } from './templates.js';

const rules = (findings: Finding[]): FindingRule[] => findings.map((f) => f.rule);
const find = (findings: Finding[], rule: FindingRule): Finding | undefined =>
  findings.find((f) => f.rule === rule);

const GOOD = `Hi Jonas,

Priya Shah suggested I reach out to you. Your move from consulting into product at Northwind is the path I hope to follow, and I would love to hear how you see the field. I work in logistics data today. Would you have 20–30 minutes for a call in the next few weeks, whenever it suits you?

Best,
Ana Costa
ana@example.com | +1 555 0100`;

/** Repeats a filler sentence until the body is about `words` words long. */
function padded(words: number): string {
  const opener = 'Priya suggested I write to you. Would you have 20 minutes for a call?';
  const filler = Array.from({ length: words - countWords(opener) }, () => 'you').join(' ');
  return `${opener} ${filler}.`;
}

describe('countWords', () => {
  it('counts words as a reader sees them', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   \n ')).toBe(0);
    expect(countWords('Hello there')).toBe(2);
    expect(countWords('20–30 minutes, a follow-up — nothing more.')).toBe(6);
    expect(countWords("I'm  glad\tyou're\nhere")).toBe(4);
    expect(countWords('Café São Paulo')).toBe(3);
  });
});

describe('checkRequest', () => {
  it('finds nothing to say about a good request', () => {
    const result = checkRequest(GOOD, { connectionHints: ['Priya Shah'] });
    expect(result.findings).toEqual([]);
    expect(result.wordCount).toBe(57);
  });

  it('leaves the greeting and the signature out of the word count', () => {
    const body = 'Priya suggested I write. Would you have 20 minutes?';
    expect(checkRequest(body).wordCount).toBe(9);
    expect(
      checkRequest(`Hi Jonas,\n\n${body}\n\nBest,\nAna Costa\nProduct analyst\nana@example.com`).wordCount,
    ).toBe(9);
    expect(checkRequest(`Dear Dr. Weber,\n${body}\nKind regards,\nAna`).wordCount).toBe(9);
    expect(checkRequest(`Hello!\n${body}\nThanks, Ana`).wordCount).toBe(9);
    expect(checkRequest(`Good morning Jonas,\n${body}\n\nThank you!\nAna`).wordCount).toBe(9);
  });

  it('strips a greeting that shares its line with the message', () => {
    const result = checkRequest('Hi Jonas, Priya suggested I write. Would you have 20 minutes?');
    expect(result.wordCount).toBe(9);
    expect(rules(result.findings)).not.toContain('connection_first');
  });

  it('keeps a "thank you" sentence that is part of the message', () => {
    const text =
      'Priya suggested I write. Would you have 20 minutes?\nThank you for considering it.\n\nBest,\nAna';
    expect(checkRequest(text).wordCount).toBe(14);
  });

  describe('length', () => {
    it('is fine at exactly the limit', () => {
      const result = checkRequest(padded(75));
      expect(result.wordCount).toBe(75);
      expect(find(result.findings, 'length')).toBeUndefined();
    });

    it('warns above 75 words', () => {
      const result = checkRequest(padded(76));
      expect(find(result.findings, 'length')).toMatchObject({ severity: 'warning' });
      expect(find(result.findings, 'length')?.message).toMatch(/76 words/);
    });

    it('warns strongly above 100 words', () => {
      const result = checkRequest(padded(101));
      expect(find(result.findings, 'length')).toMatchObject({ severity: 'strong' });
      expect(checkRequest(padded(100)).findings.find((f) => f.rule === 'length')?.severity).toBe('warning');
    });

    it('uses configured limits', () => {
      expect(find(checkRequest(padded(60), { warnAbove: 50 }).findings, 'length')?.severity).toBe('warning');
      expect(
        find(checkRequest(padded(60), { warnAbove: 40, strongAbove: 55 }).findings, 'length')?.severity,
      ).toBe('strong');
      expect(
        find(checkRequest(padded(90), { warnAbove: 120, strongAbove: 150 }).findings, 'length'),
      ).toBeUndefined();
    });
  });

  describe('job ask', () => {
    const asks = [
      'Are you hiring at the moment?',
      'Is your team hiring for analysts?',
      'Is Northwind currently hiring?',
      'I saw that you are hiring and wanted to reach out.',
      "If you're hiring, I would be a great fit.",
      'Do you know of any openings on your team?',
      'Are there any job openings for someone like me?',
      'I am looking for a job in product.',
      'I am hoping to land a role at Northwind.',
      'Do you have a position for a junior analyst?',
      'I would love an internship this summer.',
      'Please consider me for the analyst opening.',
      'I would love to be considered for the next opening.',
      'Could you refer me for the analyst job?',
      'Would you be able to refer me?',
      'Any vacancies in your department?',
      'Are there open roles in your group?',
      'Could you pass along my resume to the hiring manager?',
      'Maybe you could hire me?',
      'I would love to join your team.',
      'Do you know of any job opportunities there?',
      // The development set for the general rule: everyday phrasings, none of them in the held-back set.
      'I would be delighted to join Northwind as an analyst.',
      'Could you introduce me to the hiring manager for the designer role?',
      'Is there an opening for a junior developer?',
      'I am hoping to secure a graduate position this autumn.',
      'Would you pass my CV to your recruiter?',
      'Please could you consider me for the grant writer post.',
      'Is your lab taking on any PhD students?',
      'I wondered whether you might have a spot for me on your team.',
      'Any chance of an internship in your group?',
      'I’d jump at the chance to work on your team.',
      'My résumé is attached; I would be grateful if you could share it with the hiring team.',
      'Could you tell me if Northwind has any vacancies?',
      'Would you be willing to recommend me to your HR team?',
      'I am applying for the analyst position and would value any support.',
      'Can I send you my portfolio for the open design role?',
      'Do you know anyone who is hiring data scientists?',
      'It would mean a lot if you could put me in touch with your recruiter.',
      'Would you be open to having me on your team?',
      'I hope to be hired by a company like yours.',
      'Are there any roles for career changers at Northwind?',
      'I have enclosed my cover letter and CV.',
      'If you hear of anything suitable, please pass my name along.',
      'Would you be my referral for the analyst opening?',
      'I would like to throw my hat in the ring for the analyst job.',
      'Are you currently recruiting for your sales team?',
      'Any openings coming up in the spring?',
      'Could you help me find an entry-level role?',
      'I’d welcome an interview for the content designer vacancy.',
      'I would really appreciate a chance to interview with your team.',
      'Please share my profile with whoever does recruiting.',
      'Could I be considered for the role?',
      'I am reaching out to see whether you have any internships available.',
      'If you know of a vacancy, please tell me.',
      'I’m writing to express my interest in working at Brightwater.',
      'Wondering if Brightwater is recruiting this spring?',
      'I’d really like a job like yours at Northwind.',
      'Could you bring me onto your team for the summer?',
      'I would love to interview for a role on your team.',
      'I am eager to apply, so any help getting noticed would be great.',
      'Do you have any part-time work available?',
      'Might there be an opening for me in your department?',
      'Would you vouch for me with the hiring committee?',
      'I would love for you to keep me posted on any openings.',
      'Northwind is hiring, and I would be perfect for it.',
      "I'm not sure whether you're hiring, but I'd love to join your team.",
      'Would you be willing to share any openings you know of?',
    ];
    it.each(asks)('flags "%s" as strong, with the sentence as excerpt', (sentence) => {
      const text = `Priya suggested I write to you. ${sentence} Would you have 20 minutes for a call?`;
      const finding = find(checkRequest(text).findings, 'job_ask');
      expect(finding).toMatchObject({ severity: 'strong', excerpt: sentence });
      expect(finding?.message).toMatch(/job/);
    });

    const fine = [
      'I would love to hear about your role and how it has changed.',
      'What does a typical week in your role look like?',
      'How did you get a job at Northwind after consulting?',
      'How long have you been in a position like yours?',
      'What is the hiring process like for product teams?',
      'Is hiring for data roles very different from product?',
      'How does the hiring manager work with the team?',
      'Would you be in a position to share what surprised you most?',
      'What is it like to work on your team?',
      'Priya referred me to you.',
      'Could you refer me to someone else I should talk to?',
      'In your current position, what skills matter most?',
      'How is hiring for data roles done at Northwind?',
      'Since you took a position in Berlin, what changed?',
      "Now that you're in a position to hire, what do you look for?",
      'What made you choose a job in product?',
      'Once you landed a job there, what surprised you?',
      // The development set for the general rule: fair sentences that mention jobs, roles and hiring.
      'What does the hiring timeline usually look like in your industry?',
      'How did you move from marketing into a product role?',
      'I would love to hear what a product role involves day to day.',
      'Could you share how you prepared for your first interview?',
      'I am not looking for a position right now; I just want to learn from you.',
      'Would you be willing to tell me about the roles on your team?',
      'Could you describe the role of a learning designer?',
      'What is the best way to prepare for an interview in consulting?',
      'I recently interviewed at three startups and learned a lot.',
      'As a hiring manager yourself, what do you look for in a resume?',
      'I’d value your advice on how to approach job applications in this field.',
      'Would you recommend any books for someone starting out in UX?',
      'Could you refer me to a colleague who knows the data side?',
      'Do you think a certificate helps when applying for analyst roles?',
      'Is it better to apply directly or through a recruiter?',
      'I would love your advice on landing a first role in UX research.',
      'Would you say your team hires more from agencies or in-house?',
      'I have been working in retail for six years and would love to hear your view.',
      'Your post about hiring for potential really stayed with me.',
      'How are people in your role usually hired?',
      'What made you take the job at Northwind?',
      'I manage a team of five and interview candidates every month.',
      'I am not applying for anything, only curious about your path.',
      'Could you tell me what you look for when hiring new graduates?',
      'Would you be open to an informational interview about your career?',
      'Would you have 20 minutes to talk about how people get into learning design roles?',
      'Since you hire for your team, I would love to know what stands out in a cover letter.',
      'Could you point me to any job boards you trust?',
      'What would a new hire on your team work on first?',
      'Which roles do career changers usually start in?',
      'I would like to understand how internships work in your industry.',
      'Thanks to a referral from Priya, I found your name.',
      'This is not a job request: I am curious how your team works.',
      'I spent five years as a recruiter, so I know how busy hiring seasons get.',
      'Would it be useful if I shared what I learned from my own job search?',
      'How much did your internship shape the job you have now?',
      'I would love to learn what a hiring manager in analytics cares about.',
      'Could you tell me how you decided to apply to Northwind?',
      'What is it like to work for a company that is growing this fast?',
      'I would love to hear how you see jobs in this field changing.',
      'Is there a skill you wish more applicants had?',
      'Are roles in policy very different from roles in research?',
      'I would like to apply what you have learned to my own studies.',
      'Would you be open to a short call about your path into the field?',
      'I hope to move into a product role within a year, and your path is inspiring.',
      'Would you take me on as a mentee?',
      'Could we set up an informational interview?',
      'I would love to learn more about working at Northwind.',
      'Do you have any advice for someone in my position?',
      'I would appreciate any tips on getting hired in UX.',
      'Could you tell me more about the analyst role on your team?',
      "I'd love to join you for coffee.",
      'I wonder what you look for in new hires.',
      'Could you send me the job description?',
      'We met at the job fair last spring.',
    ];
    it.each(fine)('does not flag "%s"', (sentence) => {
      const text = `Priya suggested I write to you. ${sentence} Would you have 20 minutes for a call?`;
      expect(find(checkRequest(text).findings, 'job_ask')).toBeUndefined();
    });

    it('states the advice once, quoting each offending sentence once and shortening long ones', () => {
      const long = `Are you hiring ${'really '.repeat(40)}soon?`;
      const text = `Priya suggested I write. Are you hiring, or do you have any openings? ${long} Would you have 20 minutes?`;
      const found = checkRequest(text).findings.filter((f) => f.rule === 'job_ask');
      expect(found).toHaveLength(1);
      expect(found[0]?.excerpt).toBe('Are you hiring, or do you have any openings?');
      expect(found[0]?.excerpts).toHaveLength(2);
      expect(found[0]?.excerpts?.[1]?.length).toBeLessThanOrEqual(140);
      expect(found[0]?.excerpts?.[1]?.endsWith('…')).toBe(true);
    });

    it('gathers three job asks into one finding that quotes all three', () => {
      const text =
        'Priya suggested I write to you. Are you hiring? I have attached my CV for your consideration. Please keep me in mind for any vacancies. Would you have 20 minutes for a call?';
      const found = checkRequest(text).findings.filter((f) => f.rule === 'job_ask');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        severity: 'strong',
        excerpt: 'Are you hiring?',
        excerpts: [
          'Are you hiring?',
          'I have attached my CV for your consideration.',
          'Please keep me in mind for any vacancies.',
        ],
      });
      expect(found[0]?.message).toMatch(/^These 3 sentences read as a request for a job\./);
    });

    it('quotes a sentence written twice only once', () => {
      const text =
        'Priya suggested I write to you. Are you hiring? Are you hiring? Would you have 20 minutes for a call?';
      const found = checkRequest(text).findings.filter((f) => f.rule === 'job_ask');
      expect(found).toHaveLength(1);
      expect(found[0]?.excerpts).toEqual(['Are you hiring?']);
      expect(found[0]?.message).toMatch(/^This reads as a request for a job\./);
    });
  });

  describe('connection first', () => {
    it('passes when a given hint is in the first sentence, whatever the case or accents', () => {
      const text =
        'As a fellow Universite de Montreal grad, I found you in the directory. Would you have 20 minutes?';
      expect(
        find(
          checkRequest(text, { connectionHints: ['Université de Montréal'] }).findings,
          'connection_first',
        ),
      ).toBeUndefined();
    });

    it('warns when the hints only come later, and names them', () => {
      const text =
        'I am exploring product roles. Priya Shah suggested I write to you. Would you have 20 minutes?';
      const finding = find(
        checkRequest(text, { connectionHints: ['Priya Shah', 'Leeds'] }).findings,
        'connection_first',
      );
      expect(finding).toMatchObject({ severity: 'warning', excerpt: 'I am exploring product roles.' });
      expect(finding?.message).toMatch(/Priya Shah or Leeds/);
    });

    it('names a connection once when two hints are the same person, whatever the case or accents', () => {
      const text = 'I am exploring product roles. Would you have 20 minutes?';
      const finding = find(
        checkRequest(text, { connectionHints: ['Zoë Adler', ' zoe adler ', 'Leeds', 'Zoë Adler'] }).findings,
        'connection_first',
      );
      expect(finding?.message).toMatch(/mention Zoë Adler or Leeds in the first sentence/);
      expect(finding?.message.match(/Adler/gi)).toHaveLength(1);
    });

    it('names a referrer who is also the introducer once', () => {
      const text = 'I am exploring product roles. Would you have 20 minutes?';
      const finding = find(
        checkRequest(text, { connectionHints: ['Maya Lund', 'Maya Lund'] }).findings,
        'connection_first',
      );
      expect(finding?.message).toMatch(/mention Maya Lund in the first sentence/);
    });

    it('ignores blank hints and falls back to the built-in cues', () => {
      const text = 'We met at the climate meetup last week. Would you have 20 minutes for a call?';
      expect(
        find(checkRequest(text, { connectionHints: ['  '] }).findings, 'connection_first'),
      ).toBeUndefined();
    });

    it.each([
      'Priya referred me to you.',
      'Priya suggested I get in touch.',
      'As a fellow Leeds graduate, I wanted to write.',
      'I found you through the alumni network.',
      'We met at the Climate Week panel.',
      'Our mutual friend Tom gave me your name.',
      'Jonas recommended that I contact you.',
      'Priya introduced us last month.',
      'Your talk at ProductCon stuck with me.',
    ])('recognizes the connection in "%s"', (opening) => {
      const text = `${opening} Would you have 20 minutes for a call?`;
      expect(find(checkRequest(text).findings, 'connection_first')).toBeUndefined();
    });

    it('warns when the first sentence has no connection', () => {
      const text = 'My name is Ana and I work in logistics. Priya referred me. Would you have 20 minutes?';
      expect(find(checkRequest(text).findings, 'connection_first')).toMatchObject({
        severity: 'warning',
        excerpt: 'My name is Ana and I work in logistics.',
      });
    });

    it('does not end the first sentence at a title like "Dr."', () => {
      const text =
        'I heard Dr. Weber mention you at the meetup, and she suggested I write. Would you have 20 minutes?';
      expect(find(checkRequest(text).findings, 'connection_first')).toBeUndefined();
    });

    it('judges the first sentence after the greeting, not the greeting itself', () => {
      const text = 'Dear fellow alum,\nI work in logistics. Would you have 20 minutes for a call?';
      expect(find(checkRequest(text).findings, 'connection_first')).toBeDefined();
    });
  });

  describe('question', () => {
    it('warns when there is no question mark', () => {
      const text = 'Priya suggested I write to you. It would be great to talk for 20 minutes.';
      expect(find(checkRequest(text).findings, 'question')).toMatchObject({ severity: 'warning' });
    });

    it('is satisfied when the request ends on its question', () => {
      expect(find(checkRequest(GOOD).findings, 'question')).toBeUndefined();
    });

    it('warns when more text follows the question, and quotes it', () => {
      const text =
        'Priya suggested I write to you. Would you have 20 minutes for a call? I have been following your work on grid storage for years.';
      expect(find(checkRequest(text).findings, 'question')).toMatchObject({
        severity: 'warning',
        excerpt: 'I have been following your work on grid storage for years.',
      });
    });

    it('does not count a question mark in the middle of the message', () => {
      const text =
        'Priya suggested I write to you. Did you really start in sales? I would like to hear about it over 20 minutes.';
      expect(find(checkRequest(text).findings, 'question')?.message).toMatch(/End on your question/);
    });

    it.each([
      'Would you have 20 minutes for a call?\n\nBest,\nAna Costa\nana@example.com',
      'Would you have 20 minutes for a call? Thank you for considering it.',
      'Would you have 20 minutes for a call? If now is not a good time, no problem at all.',
      'Would you have 20 minutes for a call? I look forward to hearing from you.',
      'Would you have 20 minutes for a call? Thanks, Ana',
    ])('accepts a courtesy or sign-off after the question: %j', (ending) => {
      const text = `Priya suggested I write to you. ${ending}`;
      expect(find(checkRequest(text).findings, 'question')).toBeUndefined();
    });
  });

  describe('interest, narrow and broad', () => {
    const ask = 'I work in logistics. Would you have 20 minutes for a call?';
    it('is satisfied by their team and the field', () => {
      const text = `Priya suggested I write to you. I am curious about your team and about the energy sector. ${ask}`;
      expect(find(checkRequest(text).findings, 'interest')).toBeUndefined();
    });

    it('asks for the field when only their company is named', () => {
      const text = `Priya suggested I write to you. Your work at Northwind caught my eye. ${ask}`;
      const finding = find(checkRequest(text).findings, 'interest');
      expect(finding).toMatchObject({ severity: 'info' });
      expect(finding?.message).toMatch(/wider field/);
      expect(finding?.message).not.toMatch(/two sizes/);
    });

    it('asks for their team or company when only the field is named', () => {
      const text = `Priya suggested I write to you. I hope to build a career in learning design. ${ask}`;
      expect(find(checkRequest(text).findings, 'interest')?.message).toMatch(
        /draws you to them in particular/,
      );
    });

    it('asks for both when neither is there', () => {
      const text = `Priya suggested I write to you. ${ask}`;
      expect(find(checkRequest(text).findings, 'interest')?.message).toMatch(/two sizes/);
    });

    it('does not take a weekday or LinkedIn for their company', () => {
      const text = `We met on LinkedIn. Could we talk on Monday about learning design as a field? ${ask}`;
      expect(find(checkRequest(text).findings, 'interest')?.message).toMatch(/draws you to them/);
    });

    it('recognises the interests the user typed into the template fields', () => {
      const text = `Priya suggested I write to you. I keep thinking about climate tech and how grid teams plan. ${ask}`;
      expect(
        find(
          checkRequest(text, { narrowHints: ['how grid teams plan'], broadHints: ['Climate tech'] }).findings,
          'interest',
        ),
      ).toBeUndefined();
    });
  });

  describe('background', () => {
    it.each([
      'I am a secondary science teacher.',
      'I have spent six years in logistics.',
      'My background is in nursing.',
      'As a recent graduate in economics, I am curious about the field.',
      'I studied history at Leeds.',
      'I’m finishing a master’s in public health.',
      'After eight years in retail, I am exploring analytics.',
    ])('is satisfied by "%s"', (line) => {
      const text = `Priya suggested I write to you. ${line} Would you have 20 minutes for a call?`;
      expect(find(checkRequest(text).findings, 'background')).toBeUndefined();
    });

    it('suggests one line about the sender when there is none', () => {
      const text = 'Priya suggested I write to you. Would you have 20 minutes for a call?';
      const finding = find(checkRequest(text).findings, 'background');
      expect(finding).toMatchObject({ severity: 'info' });
      expect(finding?.message).toMatch(/one line about yourself/i);
    });
  });

  describe('contact', () => {
    const body = 'Priya suggested I write to you. Would you have 20 minutes for a call?';
    it.each([
      `${body}\n\nBest,\nAna\nana.costa@example.org`,
      `${body}\n\nBest,\nAna\n+44 20 7946 0958`,
      `${body}\n\nBest,\nAna\n(617) 555-0100`,
      `${body} You can reach me at 555 010 0199.`,
      `${body}\n\nAna\nlinkedin.com/in/anacosta`,
    ])('is satisfied by an address, a number or a profile: %j', (text) => {
      expect(find(checkRequest(text).findings, 'contact')).toBeUndefined();
    });

    it('asks for contact details when there are none, and a date is not a phone number', () => {
      const text = `${body} I am free from 2026-11-30.\n\nBest,\nAna Costa`;
      expect(find(checkRequest(text).findings, 'contact')).toMatchObject({ severity: 'info' });
    });
  });

  describe('about them', () => {
    it('warns when first-person words outnumber second-person words', () => {
      const text =
        "Priya suggested I write. I'm a logistics analyst and I've spent my career in data; my goal is product. Would you have 20 minutes?";
      const finding = find(checkRequest(text).findings, 'about_them');
      expect(finding).toMatchObject({ severity: 'warning' });
      expect(finding?.message).toMatch(/: 5\)/);
      expect(finding?.message).toMatch(/: 1\)/);
    });

    it('treats curly apostrophes like straight ones', () => {
      const text = 'Priya suggested I write. I’m curious and I’ve read a lot. Would you have 20 minutes?';
      expect(find(checkRequest(text).findings, 'about_them')?.message).toMatch(/: 3\)/);
    });

    it('is fine when the two are equal or the draft leans toward them', () => {
      const text = 'Priya suggested I write to you. Would you have 20 minutes?';
      expect(find(checkRequest(text).findings, 'about_them')).toBeUndefined();
    });
  });

  describe('duration ask', () => {
    it.each([
      'Could we talk for 20 minutes?',
      'Would 20–30 minutes work?',
      'Would 20-30 min work for you?',
      'Do you have 15 minutes?',
      'Could we do a 20-minute call?',
      'Would half an hour suit you?',
      'Could we have a quick call?',
      'Are you up for a brief chat?',
      'Could we talk 20 or 30 minutes?',
    ])('accepts "%s"', (ask) => {
      expect(find(checkRequest(`Priya suggested I write. ${ask}`).findings, 'duration_ask')).toBeUndefined();
    });

    it('suggests a concrete ask when none is given', () => {
      const finding = find(checkRequest('Priya suggested I write. Could we talk?').findings, 'duration_ask');
      expect(finding).toMatchObject({ severity: 'info' });
      expect(finding?.message).toMatch(/20–30 minutes/);
    });

    it('suggests a shorter ask when only a long one is given', () => {
      const hour = find(
        checkRequest('Priya suggested I write. Could we meet for an hour?').findings,
        'duration_ask',
      );
      expect(hour).toMatchObject({ severity: 'info', excerpt: 'an hour' });
      const sixty = find(
        checkRequest('Priya suggested I write. Do you have 60 minutes?').findings,
        'duration_ask',
      );
      expect(sixty).toMatchObject({ severity: 'info', excerpt: '60 minutes' });
      expect(
        find(checkRequest('Priya suggested I write. Do you have 45 minutes?').findings, 'duration_ask'),
      ).toBeUndefined();
    });
  });

  it('explains every problem of a bad draft, most important first', () => {
    const bad = `Hello,

My name is Ana Costa and I am a data analyst with four years of experience in logistics. I am writing because I am looking for a job in product management and I think my skills would be a great fit for your company. I have attached my resume. I have worked with SQL, Python and Tableau, and I led a project that saved my team many hours every month. I am a fast learner and I am passionate about climate tech. Are you hiring? I look forward to hearing from you.

Sincerely,
Ana`;
    const result = checkRequest(bad);
    expect(result.wordCount).toBeGreaterThan(75);
    expect(rules(result.findings)).toEqual([
      'length',
      'job_ask',
      'connection_first',
      'about_them',
      'duration_ask',
      'contact',
    ]);
    expect(find(result.findings, 'job_ask')?.excerpts).toHaveLength(3);
    expect(result.findings.every((f) => f.message.length > 20)).toBe(true);
  });

  it('handles an empty draft without crashing', () => {
    const result = checkRequest('');
    expect(result.wordCount).toBe(0);
    expect(rules(result.findings)).toEqual([
      'connection_first',
      'question',
      'duration_ask',
      'interest',
      'background',
      'contact',
    ]);
    expect(find(result.findings, 'connection_first')?.excerpt).toBeUndefined();
  });
});

describe('built-in request templates', () => {
  const sample = {
    firstName: 'Jonas',
    fullName: 'Jonas Weber',
    organization: 'Northwind Energy',
    referrer: 'Priya Shah',
    school: 'University of Leeds',
    interestNarrow: 'how the product team at Northwind plans its roadmap',
    interestBroad: 'product management in climate tech',
    myName: 'Ana Costa',
    myBackground: 'logistics data analysis',
    myContact: 'ana@example.com',
  };
  /** The compose page and the draft service pass what the user typed into the interest fields. */
  const interests = {
    narrowHints: [sample.interestNarrow, sample.organization],
    broadHints: [sample.interestBroad],
  };
  const requests = ['referred', 'alumni', 'cold_shared_interest', 'after_rejection'];
  const hints: Record<string, string[] | undefined> = {
    referred: [sample.referrer],
    alumni: [sample.school],
  };

  it.each(requests)('%s renders with every field and passes the checks', (key) => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.key === key);
    expect(template).toBeDefined();
    const body = renderTemplate(template!.body, sample);
    const subject = renderTemplate(template!.subject, sample);
    expect(body.missing).toEqual([]);
    expect(subject.missing).toEqual([]);
    const result = checkRequest(body.text, { connectionHints: hints[key] ?? [], ...interests });
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.wordCount).toBeLessThan(75);
  });

  it.each(requests)('%s still passes without connection hints', (key) => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.key === key)!;
    const result = checkRequest(renderTemplate(template.body, sample).text, interests);
    expect(result.findings).toEqual([]);
  });

  it.each(requests)('%s names a field, a line about you and your contact even without hints', (key) => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.key === key)!;
    const result = checkRequest(renderTemplate(template.body, sample).text);
    expect(rules(result.findings)).not.toContain('background');
    expect(rules(result.findings)).not.toContain('contact');
    expect(rules(result.findings)).not.toContain('question');
  });

  it('the follow-up never asks for a job and names a short ask', () => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.kind === 'follow_up')!;
    const result = checkRequest(renderTemplate(template.body, sample).text);
    expect(rules(result.findings)).not.toContain('job_ask');
    expect(rules(result.findings)).not.toContain('duration_ask');
    expect(rules(result.findings)).not.toContain('question');
    expect(rules(result.findings)).not.toContain('about_them');
  });

  it('no built-in template asks for a job', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const text = renderTemplate(`${template.subject}\n${template.body}`, sample).text;
      expect(find(checkRequest(text).findings, 'job_ask'), template.key).toBeUndefined();
    }
  });
});
