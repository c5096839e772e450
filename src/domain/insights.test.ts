import { describe, expect, it } from 'vitest';
import {
  displaySkill,
  formatSkillTally,
  INSIGHT_TOPIC_LABELS,
  INSIGHT_TOPICS,
  normalizeSkill,
  parseSkills,
  skillKey,
  tallySkills,
} from './insights.js';

describe('insight topics', () => {
  it('each have a label', () => {
    for (const topic of INSIGHT_TOPICS) expect(INSIGHT_TOPIC_LABELS[topic]).toBeTruthy();
    expect(Object.keys(INSIGHT_TOPIC_LABELS)).toHaveLength(INSIGHT_TOPICS.length);
  });
});

describe('normalizeSkill', () => {
  it('trims, collapses spaces and keeps the case', () => {
    expect(normalizeSkill('  SQL ')).toBe('SQL');
    expect(normalizeSkill('stakeholder \t  management')).toBe('stakeholder management');
    expect(normalizeSkill('JavaScript')).toBe('JavaScript');
  });

  it('drops list bullets and end punctuation', () => {
    expect(normalizeSkill('- Python.')).toBe('Python');
    expect(normalizeSkill('• Excel;')).toBe('Excel');
    expect(normalizeSkill('2) negotiation!')).toBe('negotiation');
    expect(normalizeSkill('C++')).toBe('C++');
    expect(normalizeSkill('.NET')).toBe('.NET');
    expect(normalizeSkill('   ')).toBe('');
  });

  it('keys spellings of a skill together, whatever the case', () => {
    expect(skillKey('SQL ')).toBe(skillKey('sql'));
    expect(skillKey('Stakeholder  Management')).toBe('stakeholder management');
  });
});

describe('displaySkill', () => {
  it('prefers an all-capitals spelling', () => {
    expect(displaySkill(['sql', 'SQL '])).toBe('SQL');
    expect(displaySkill(['Sql', 'sql', 'SQL'])).toBe('SQL');
  });

  it('otherwise prefers the first capitalized spelling, else capitalizes the first seen', () => {
    expect(displaySkill(['javascript', 'JavaScript', 'Javascript'])).toBe('JavaScript');
    expect(displaySkill(['stakeholder management', 'Stakeholder management'])).toBe('Stakeholder management');
    expect(displaySkill(['python'])).toBe('Python');
  });
});

describe('tallySkills', () => {
  const rows = [
    { personId: 'ana', skills: ['SQL', 'Python'] },
    { personId: 'ben', skills: ['sql', 'stakeholder management'] },
    { personId: 'cleo', skills: ['SQL ', 'python'] },
    { personId: 'dev', skills: ['Sql'] },
    { personId: 'eli', skills: [] },
    { personId: 'fay', skills: ['Stakeholder Management', 'Tableau'] },
  ];

  it('counts the people who named each skill, out of everyone heard from', () => {
    const tally = tallySkills(rows);
    expect(tally).toEqual([
      { skill: 'SQL', people: 4, of: 6 },
      { skill: 'Python', people: 2, of: 6 },
      { skill: 'Stakeholder Management', people: 2, of: 6 },
      { skill: 'Tableau', people: 1, of: 6 },
    ]);
    expect(tally.map(formatSkillTally)[0]).toBe('SQL — 4 of 6 people');
  });

  it('counts a person once per skill, across insights and spellings', () => {
    const tally = tallySkills([
      { personId: 'ana', skills: ['SQL', 'sql'] },
      { personId: 'ana', skills: ['SQL'] },
      { personId: 'ben', skills: ['Excel'] },
    ]);
    expect(tally).toEqual([
      { skill: 'Excel', people: 1, of: 2 },
      { skill: 'SQL', people: 1, of: 2 },
    ]);
  });

  it('sorts ties by name, ignoring case', () => {
    const tally = tallySkills([{ personId: 'a', skills: ['zeal', 'Accounting', 'budgeting'] }]);
    expect(tally.map((t) => t.skill)).toEqual(['Accounting', 'Budgeting', 'Zeal']);
  });

  it('skips blank skills and handles no rows', () => {
    expect(tallySkills([{ personId: 'a', skills: ['  ', ''] }])).toEqual([]);
    expect(tallySkills([])).toEqual([]);
  });

  it('reads well for one person', () => {
    expect(formatSkillTally({ skill: 'SQL', people: 1, of: 1 })).toBe('SQL — 1 of 1 person');
  });
});

describe('parseSkills', () => {
  it('splits on commas and semicolons', () => {
    expect(parseSkills('SQL, Python; stakeholder management')).toEqual([
      'SQL',
      'Python',
      'stakeholder management',
    ]);
  });

  it('splits bullet lists and lines, and drops the "and" of a last item', () => {
    expect(parseSkills('- SQL\n- Python\n\n• Excel')).toEqual(['SQL', 'Python', 'Excel']);
    expect(parseSkills('SQL, Python, and Excel')).toEqual(['SQL', 'Python', 'Excel']);
    expect(parseSkills('Figma | user research')).toEqual(['Figma', 'user research']);
  });

  it('keeps "and" inside a skill', () => {
    expect(parseSkills('research and development, CI/CD')).toEqual(['research and development', 'CI/CD']);
  });

  it('drops blanks and repeats, keeping the first spelling', () => {
    expect(parseSkills(' SQL ,, sql; ;Python ')).toEqual(['SQL', 'Python']);
    expect(parseSkills('')).toEqual([]);
  });
});
