/**
 * The closed vocabularies of Rapport, shared by the database, the services, the API schemas
 * and the web app. Labels are the words a user sees.
 */

export const CONVERSATION_TYPES = [
  'explore_career',
  'learn_company',
  'learn_role',
  'career_switch',
  'rejection_feedback',
  'resume_critique',
  'hiring_manager',
] as const;
export type ConversationType = (typeof CONVERSATION_TYPES)[number];

export const CONVERSATION_TYPE_LABELS: Record<ConversationType, string> = {
  explore_career: 'Explore a career',
  learn_company: 'Learn about a company',
  learn_role: 'Learn about a role',
  career_switch: 'Career switch',
  rejection_feedback: 'Feedback after a rejection',
  resume_critique: 'Resume critique',
  hiring_manager: 'Possible hiring manager',
};

export const CONVERSATION_STATUSES = [
  'idea',
  'requested',
  'accepted',
  'scheduled',
  'held',
  'thanked',
  'keeping_in_touch',
  'declined',
  'no_reply',
  'cancelled',
] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const CONVERSATION_STATUS_LABELS: Record<ConversationStatus, string> = {
  idea: 'Idea',
  requested: 'Requested',
  accepted: 'Accepted',
  scheduled: 'Scheduled',
  held: 'Held',
  thanked: 'Thanked',
  keeping_in_touch: 'Keeping in touch',
  declined: 'Declined',
  no_reply: 'No reply',
  cancelled: 'Cancelled',
};

export const MEDIUMS = ['phone', 'video', 'coffee', 'office', 'other'] as const;
export type Medium = (typeof MEDIUMS)[number];

export const MEDIUM_LABELS: Record<Medium, string> = {
  phone: 'Phone',
  video: 'Video call',
  coffee: 'Coffee',
  office: 'Their office',
  other: 'Other',
};

export const SENIORITY_LEVELS = [
  'intern',
  'entry',
  'staff',
  'senior',
  'lead',
  'manager',
  'director',
  'executive',
  'owner',
] as const;
export type Seniority = (typeof SENIORITY_LEVELS)[number];

export const SENIORITY_LABELS: Record<Seniority, string> = {
  intern: 'Intern',
  entry: 'Entry level',
  staff: 'Staff',
  senior: 'Senior staff',
  lead: 'Lead',
  manager: 'Manager',
  director: 'Director',
  executive: 'Executive',
  owner: 'Owner / founder',
};

export const KEEP_IN_TOUCH = ['yes', 'no', 'unknown'] as const;
export type KeepInTouch = (typeof KEEP_IN_TOUCH)[number];

export const CHANNELS = ['email', 'linkedin', 'phone', 'text', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

export const NOTE_KINDS = ['note', 'research', 'debrief', 'call'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'E-mail',
  linkedin: 'LinkedIn',
  phone: 'Phone',
  text: 'Text message',
  in_person: 'In person',
};

export const DIRECTIONS = ['out', 'in'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Why a message was sent; the agenda rules read these. */
export const MESSAGE_PURPOSES = [
  'request',
  'follow_up',
  'reply',
  'decline',
  'thank_you',
  'report_back',
  'keep_in_touch',
  'other',
] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

export const MESSAGE_PURPOSE_LABELS: Record<MessagePurpose, string> = {
  request: 'Request for a conversation',
  follow_up: 'Follow-up',
  reply: 'Reply (yes)',
  decline: 'Reply (no)',
  thank_you: 'Thank-you',
  report_back: 'Report back',
  keep_in_touch: 'Keeping in touch',
  other: 'Other',
};

export const TASK_KINDS = ['promise_mine', 'promise_theirs', 'report_back', 'custom'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const INTRODUCTION_STATES = ['asked', 'made', 'met', 'thanked'] as const;
export type IntroductionState = (typeof INTRODUCTION_STATES)[number];

export const OPPORTUNITY_KINDS = [
  'unadvertised_opening',
  'referral',
  'application',
  'job_interview',
  'offer',
  'rejection',
] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

export const OPPORTUNITY_KIND_LABELS: Record<OpportunityKind, string> = {
  unadvertised_opening: 'Unadvertised opening',
  referral: 'Referral to a role',
  application: 'Application',
  job_interview: 'Job interview',
  offer: 'Offer',
  rejection: 'Rejection',
};

/** What a personal access token may do: read only, or read and write. */
export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
