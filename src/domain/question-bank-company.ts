import type { BankQuestion } from './question-topics.js';
import { CONVERSATION_TYPES } from './vocab.js';

/**
 * Bank questions about the organization — culture and hiring — and the closing questions every
 * conversation ends with. Re-exported through question-bank.ts; import from there.
 */

/** Closing questions fit every kind of conversation: each one should end with next steps. */
const EVERY_GOAL = CONVERSATION_TYPES;

export const COMPANY_QUESTIONS: readonly BankQuestion[] = [
  // Culture: how the place feels from the inside.
  {
    key: 'culture-to-a-friend',
    topic: 'culture',
    minutes: 3,
    goals: ['learn_company'],
    text: 'How would you describe the culture here to a close friend?',
  },
  {
    key: 'culture-mission-in-practice',
    topic: 'culture',
    minutes: 3,
    goals: ['learn_company'],
    text: 'Where does the company’s stated purpose actually show up in your team’s everyday decisions?',
  },
  {
    key: 'culture-feedback',
    topic: 'culture',
    minutes: 3,
    goals: ['learn_company', 'learn_role'],
    text: 'How do people here give and receive feedback?',
  },
  {
    key: 'culture-learning-support',
    topic: 'culture',
    minutes: 3,
    goals: ['learn_company', 'career_switch'],
    text: 'How does the company support people who want to build new skills?',
  },
  {
    key: 'culture-change-since-joining',
    topic: 'culture',
    minutes: 3,
    goals: ['learn_company'],
    text: 'How has the place changed since you joined?',
  },
  {
    key: 'culture-managing-style',
    topic: 'culture',
    minutes: 3,
    goals: ['hiring_manager', 'learn_company'],
    text: 'How would the people on your team describe the way you lead?',
  },
  {
    key: 'culture-who-thrives-on-team',
    topic: 'culture',
    minutes: 3,
    goals: ['hiring_manager', 'learn_company'],
    text: 'What kind of person thrives on your team, and who tends to find it hard?',
  },
  {
    key: 'culture-disagreement',
    topic: 'culture',
    minutes: 3,
    goals: ['learn_company', 'learn_role'],
    text: 'What happens when people here disagree about a decision?',
  },
  {
    key: 'culture-remote-and-office',
    topic: 'culture',
    minutes: 2,
    goals: ['learn_company', 'learn_role'],
    text: 'How does the team stay connected across remote, hybrid and office days?',
  },

  // Hiring process: how people get in here, and — after a rejection — why the user did not.
  {
    key: 'hiring-from-first-contact',
    topic: 'hiring_process',
    minutes: 3,
    goals: ['learn_company', 'learn_role', 'explore_career'],
    text: 'For a role like yours, what does the path from first contact to a decision usually look like?',
  },
  {
    key: 'hiring-worth-meeting',
    topic: 'hiring_process',
    minutes: 3,
    goals: ['resume_critique', 'learn_company'],
    text: 'When you read through applications, what makes you want to meet someone?',
  },
  {
    key: 'hiring-recommendations-weight',
    topic: 'hiring_process',
    minutes: 2,
    goals: ['learn_company', 'explore_career'],
    text: 'How much weight does a recommendation from a current colleague carry in hiring here?',
  },
  {
    key: 'hiring-interview-format',
    topic: 'hiring_process',
    minutes: 3,
    goals: ['learn_company', 'learn_role'],
    text: 'What do interviews for this kind of work usually involve here?',
  },
  {
    key: 'hiring-what-tipped-it',
    topic: 'hiring_process',
    minutes: 3,
    goals: ['rejection_feedback'],
    text: 'What tipped the decision in favour of the person you chose?',
  },
  {
    key: 'hiring-resume-compared',
    topic: 'hiring_process',
    minutes: 3,
    goals: ['rejection_feedback', 'resume_critique'],
    text: 'How did my resume come across next to the others you read?',
  },
  {
    key: 'hiring-interview-impression',
    topic: 'hiring_process',
    minutes: 3,
    goals: ['rejection_feedback'],
    text: 'What impression did I leave in the interviews — both the strong points and the weak ones?',
  },
  {
    key: 'hiring-closer-match',
    topic: 'hiring_process',
    minutes: 2,
    goals: ['rejection_feedback', 'career_switch'],
    text: 'Are there other teams or employers where my profile might be a closer match?',
  },
  {
    key: 'hiring-what-you-weigh',
    topic: 'hiring_process',
    minutes: 3,
    goals: ['hiring_manager', 'learn_company'],
    text: 'When you add someone to your team, what do you weigh most heavily?',
  },
  {
    key: 'hiring-resume-screen',
    topic: 'hiring_process',
    minutes: 2,
    goals: ['resume_critique'],
    text: 'How long does a first read of a resume take here, and what gets looked at first?',
  },

  // Closing: the plan of action every conversation should end on (seed 001).
  {
    key: 'closing-who-else',
    topic: 'closing',
    minutes: 2,
    goals: EVERY_GOAL,
    text: 'Who else would you suggest I speak with, and may I say that you sent me?',
  },
  {
    key: 'closing-next-step',
    topic: 'closing',
    minutes: 2,
    goals: EVERY_GOAL,
    text: 'After what we have talked about, what would you suggest as my next step?',
  },
  {
    key: 'closing-keep-in-touch',
    topic: 'closing',
    minutes: 2,
    goals: EVERY_GOAL,
    text: 'Would it be all right to stay in touch now and then — how often suits you, and do you prefer e-mail or a call?',
  },
  {
    key: 'closing-anything-missed',
    topic: 'closing',
    minutes: 2,
    goals: EVERY_GOAL,
    text: 'Is there something I did not ask about that you think I ought to know?',
  },
  {
    key: 'closing-help-in-return',
    topic: 'closing',
    minutes: 2,
    goals: EVERY_GOAL,
    text: 'Is there anything I could help you with in return?',
  },
  {
    key: 'closing-check-back',
    topic: 'closing',
    minutes: 2,
    goals: ['rejection_feedback', 'resume_critique', 'hiring_manager'],
    text: 'Would you mind if I checked back with you once I have worked on what you suggested?',
  },
];
