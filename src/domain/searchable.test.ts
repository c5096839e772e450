import { describe, expect, it } from 'vitest';
import { searchableReason } from './searchable.js';

describe('searchableReason', () => {
  const flagged = [
    'What does your company do?',
    'What does Acme do?',
    'Can you tell me what your company does?',
    'What exactly does the firm do?',
    'How many employees does the company have?',
    'How many people work at Northwind Traders?',
    'How big is your company?',
    'Where is your headquarters?',
    'Where are you headquartered?',
    'Where is Acme based?',
    'When was the company founded?',
    'Who founded Contoso?',
    'Who is the CEO?',
    'Who is the CEO of Acme?',
    'What products do you sell?',
    'What services does your organization offer?',
    'What is your revenue?',
    'What is the company’s annual revenue?',
    'What is the stock price?',
    'Is the company publicly traded?',
    "What is the company's mission?",
    'What are the values of Acme?',
    'Who are your main competitors?',
    'what does your company do',
    '  What   does your company do ?  ',
  ];

  it.each(flagged)('flags "%s"', (question) => {
    expect(searchableReason(question)).toEqual(expect.any(String));
  });

  const fine = [
    'What does a typical week look like for you?',
    'What do you wish you had known about this company before you joined?',
    "How is the company's mission felt in your team's daily work?",
    'How many people work on your team?',
    'How many people work at Acme in a role like yours?',
    'Where is your team based?',
    'What does your team do differently from the others?',
    'What does your manager do that helps you most?',
    'Is the data public?',
    'Who are the people I should meet next?',
    'What made you choose this company?',
    'How has the company changed since you joined?',
    'What does success look like in your role?',
    'Which competitors worry your team most, and why?',
    'What is the mission of your team this quarter, and how was it set?',
    'Where are you based?',
    'What do engineers do here all day?',
    'What do product managers do?',
    'What do you do when a project slips?',
    'What does it take to move up here?',
    '',
  ];

  it.each(fine)('leaves "%s" alone', (question) => {
    expect(searchableReason(question)).toBeNull();
  });

  it('explains where the answer is and suggests a better angle', () => {
    expect(searchableReason('What does your company do?')).toMatch(/website.*ask/i);
    expect(searchableReason('How many employees does the company have?')).toMatch(/headcount/i);
    expect(searchableReason('When was the company founded?')).toMatch(/changed since they joined/);
    expect(searchableReason('What is your revenue?')).toMatch(/public reports/);
    expect(searchableReason("What is the company's mission?")).toMatch(/day-to-day/);
  });

  it('ignores case and curly or straight apostrophes alike', () => {
    expect(searchableReason('WHO IS THE CEO?')).not.toBeNull();
    expect(searchableReason('What is the company’s mission?')).toBe(
      searchableReason("What is the company's mission?"),
    );
  });
});
