/**
 * The whole data model of Rapport. Every row belongs to a workspace; see docs/data-model.md
 * for the reasoning and a diagram. Enumerations live in src/domain/vocab.ts so the domain,
 * the API schemas and the database agree on one list.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CHANNELS,
  CONVERSATION_STATUSES,
  CONVERSATION_TYPES,
  DIRECTIONS,
  INTRODUCTION_STATES,
  KEEP_IN_TOUCH,
  MEDIUMS,
  MESSAGE_PURPOSES,
  NOTE_KINDS,
  OPPORTUNITY_KINDS,
  SENIORITY_LEVELS,
  TASK_KINDS,
} from '../domain/vocab.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const id = () => uuid('id').primaryKey().defaultRandom();
const ws = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** Optimistic concurrency: an edit names the version it read; a stale one is refused. */
const version = () => integer('version').notNull().default(1);

export const workspaces = pgTable('workspaces', {
  id: id(),
  name: text('name').notNull(),
  /** Workspace settings (active target count, word limits, holidays…); validated by the domain. */
  settings: jsonb('settings').notNull().default({}),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    workspaceId: ws(),
    name: text('name').notNull(),
    email: text('email'),
    timeZone: text('time_zone').notNull().default('UTC'),
    createdAt: createdAt(),
  },
  (t) => [index('users_workspace_idx').on(t.workspaceId)],
);

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    workspaceId: ws(),
    name: text('name').notNull(),
    /** Lower-case name without punctuation, for matching on import and for uniqueness. */
    nameKey: text('name_key').notNull(),
    website: text('website'),
    industry: text('industry'),
    location: text('location'),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('organizations_name_key_idx').on(t.workspaceId, t.nameKey),
    index('organizations_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** One organization on the LAMP target list (method.md section 1). */
export const targetEntries = pgTable(
  'target_entries',
  {
    id: id(),
    workspaceId: ws(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Null means "computed from known contacts"; true/false is the user's override. */
    advocacyOverride: boolean('advocacy_override'),
    motivation: smallint('motivation').notNull().default(0),
    posting: smallint('posting').notNull().default(1),
    status: text('status').notNull().default('active'),
    hasOpenPosting: boolean('has_open_posting').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('target_entries_org_idx').on(t.workspaceId, t.organizationId),
    check('target_motivation_range', sql`${t.motivation} between 0 and 3`),
    check('target_posting_range', sql`${t.posting} between 1 and 3`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    workspaceId: ws(),
    fullName: text('full_name').notNull(),
    title: text('title'),
    function: text('function'),
    seniority: text('seniority', { enum: SENIORITY_LEVELS }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** Where they worked before: a former employee is still a warm way into an organization. */
    pastOrganizationIds: uuid('past_organization_ids').array().notNull().default(sql`'{}'::uuid[]`),
    email: text('email'),
    phone: text('phone'),
    linkedinUrl: text('linkedin_url'),
    location: text('location'),
    timeZone: text('time_zone'),
    howWeKnow: text('how_we_know'),
    notes: text('notes').notNull().default(''),
    keepInTouch: text('keep_in_touch', { enum: KEEP_IN_TOUCH }).notNull().default('unknown'),
    keepInTouchEveryDays: integer('keep_in_touch_every_days'),
    preferredChannel: text('preferred_channel'),
    /** When the relationship began (LinkedIn's "Connected on", or the first meeting). */
    connectedOn: date('connected_on'),
    /**
     * The last logged interaction (message, meeting, call note). Kept on the row because the
     * keep-in-touch clock restarts from it and the agenda reads it for every person.
     */
    lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true }),
    /** Where the record came from (manual, linkedin, vcard, csv, referral). */
    source: text('source').notNull().default('manual'),
    /** Fields the user edited by hand; imports never overwrite these. */
    editedFields: text('edited_fields').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('people_workspace_name_idx').on(t.workspaceId, t.fullName),
    index('people_org_idx').on(t.organizationId),
    index('people_past_orgs_idx').using('gin', t.pastOrganizationIds),
    index('people_email_idx').on(t.workspaceId, t.email),
    index('people_linkedin_idx').on(t.workspaceId, t.linkedinUrl),
    index('people_name_trgm_idx').using('gin', sql`${t.fullName} gin_trgm_ops`),
    index('people_keep_in_touch_idx')
      .on(t.workspaceId, t.keepInTouch)
      .where(sql`${t.keepInTouch} = 'yes' or ${t.keepInTouchEveryDays} is not null`),
  ],
);

export const tags = pgTable(
  'tags',
  {
    id: id(),
    workspaceId: ws(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('tags_name_idx').on(t.workspaceId, t.name)],
);

export const personTags = pgTable(
  'person_tags',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.tagId] }), index('person_tags_tag_idx').on(t.tagId)],
);

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    workspaceId: ws(),
    title: text('title').notNull(),
    type: text('type', { enum: CONVERSATION_TYPES }).notNull(),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('idea'),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** The role or career this conversation is about, for gathering insights across organizations. */
    role: text('role'),
    /** How the user reached the person (mutual contact, alumni list, LinkedIn, event, after a rejection). */
    reachedVia: text('reached_via'),
    /** A feedback conversation points at the rejection it follows. */
    followsOpportunityId: uuid('follows_opportunity_id').references((): AnyPgColumn => opportunities.id, {
      onDelete: 'set null',
    }),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('conversations_workspace_status_idx').on(t.workspaceId, t.status),
    index('conversations_org_idx').on(t.organizationId),
  ],
);

export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.personId] }),
    index('participants_person_idx').on(t.personId),
  ],
);

export const conversationStatusHistory = pgTable(
  'conversation_status_history',
  {
    id: id(),
    /** Orders steps taken in the same instant (scheduling walks several at once). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    workspaceId: ws(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('status_history_conversation_idx').on(t.conversationId, t.seq)],
);

export const goals = pgTable(
  'goals',
  {
    id: id(),
    workspaceId: ws(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** One of the conversation types' goal kinds, or "custom". */
    kind: text('kind').notNull().default('custom'),
    text: text('text').notNull(),
    achieved: boolean('achieved').notNull().default(false),
    position: smallint('position').notNull().default(0),
  },
  (t) => [index('goals_conversation_idx').on(t.conversationId)],
);

export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    workspaceId: ws(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** IANA zone the meeting was agreed in; times are shown in it and in the user's zone. */
    timeZone: text('time_zone').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(30),
    medium: text('medium', { enum: MEDIUMS }).notNull(),
    place: text('place'),
    /** Preparation checklist answers (research done, questions chosen, documents ready, confirmed). */
    prep: jsonb('prep').notNull().default({}),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('meetings_conversation_idx').on(t.conversationId),
    index('meetings_workspace_start_idx').on(t.workspaceId, t.startsAt),
    check('meetings_duration_positive', sql`${t.durationMinutes} > 0`),
  ],
);

/** Who introduced whom; an edge of the introduction graph. */
export const introductions = pgTable(
  'introductions',
  {
    id: id(),
    workspaceId: ws(),
    introducerId: uuid('introducer_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    introducedId: uuid('introduced_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    viaConversationId: uuid('via_conversation_id').references(() => conversations.id, {
      onDelete: 'set null',
    }),
    state: text('state', { enum: INTRODUCTION_STATES }).notNull().default('made'),
    introducedOn: date('introduced_on'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('introductions_pair_idx').on(t.workspaceId, t.introducerId, t.introducedId),
    index('introductions_introduced_idx').on(t.introducedId),
    check('introductions_not_self', sql`${t.introducerId} <> ${t.introducedId}`),
  ],
);

export const questions = pgTable(
  'questions',
  {
    id: id(),
    workspaceId: ws(),
    text: text('text').notNull(),
    topic: text('topic').notNull(),
    goals: text('goals').array().notNull().default(sql`'{}'::text[]`),
    /** Why a web search would answer it, when it would. */
    searchableReason: text('searchable_reason'),
    builtIn: boolean('built_in').notNull().default(false),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('questions_workspace_topic_idx').on(t.workspaceId, t.topic)],
);

/** One line of a conversation's timed agenda: a planned question or a section block. */
export const planItems = pgTable(
  'plan_items',
  {
    id: id(),
    workspaceId: ws(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    section: text('section').notNull(),
    questionId: uuid('question_id').references(() => questions.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    minutes: smallint('minutes').notNull().default(2),
    position: smallint('position').notNull(),
    answer: text('answer'),
  },
  (t) => [index('plan_items_conversation_idx').on(t.conversationId, t.position)],
);

export const documents = pgTable(
  'documents',
  {
    id: id(),
    workspaceId: ws(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    versionLabel: text('version_label'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('documents_workspace_idx').on(t.workspaceId, t.kind)],
);

/** A document to bring to a conversation, and to whom it was handed or sent. */
export const conversationDocuments = pgTable(
  'conversation_documents',
  {
    id: id(),
    workspaceId: ws(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    sharedWithId: uuid('shared_with_id').references(() => people.id, { onDelete: 'set null' }),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
  },
  (t) => [index('conversation_documents_conversation_idx').on(t.conversationId)],
);

/** Markdown notes attached to exactly one of a person, an organization or a conversation. */
export const notes = pgTable(
  'notes',
  {
    id: id(),
    workspaceId: ws(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    /** note, research, debrief or call (a logged call counts as an interaction). */
    kind: text('kind', { enum: NOTE_KINDS }).notNull().default('note'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('notes_person_idx').on(t.personId),
    index('notes_organization_idx').on(t.organizationId),
    index('notes_conversation_idx').on(t.conversationId),
    check(
      'notes_one_subject',
      sql`num_nonnulls(${t.personId}, ${t.organizationId}, ${t.conversationId}) = 1`,
    ),
  ],
);

export const insights = pgTable(
  'insights',
  {
    id: id(),
    workspaceId: ws(),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    role: text('role'),
    topic: text('topic').notNull(),
    body: text('body').notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    index('insights_organization_idx').on(t.organizationId, t.topic),
    index('insights_conversation_idx').on(t.conversationId),
  ],
);

export const messageTemplates = pgTable('message_templates', {
  id: id(),
  workspaceId: ws(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  subject: text('subject').notNull().default(''),
  body: text('body').notNull(),
  builtIn: boolean('built_in').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

/** The outreach log: every message sent or received. */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    workspaceId: ws(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    purpose: text('purpose', { enum: MESSAGE_PURPOSES }).notNull().default('other'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    subject: text('subject'),
    body: text('body').notNull().default(''),
    templateId: uuid('template_id').references(() => messageTemplates.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_person_at_idx').on(t.personId, t.at),
    index('messages_conversation_idx').on(t.conversationId, t.at),
    index('messages_workspace_at_idx').on(t.workspaceId, t.at),
    index('messages_purpose_idx').on(t.conversationId, t.purpose, t.direction),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    workspaceId: ws(),
    kind: text('kind', { enum: TASK_KINDS }).notNull().default('custom'),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('tasks_workspace_due_idx').on(t.workspaceId, t.doneAt, t.dueOn)],
);

/**
 * What the user did with a computed agenda item (done, snoozed, dismissed). Agenda items are
 * derived from stored facts; this table only remembers the user's answer, keyed by the rule.
 */
export const reminderStates = pgTable(
  'reminder_states',
  {
    id: id(),
    workspaceId: ws(),
    ruleKey: text('rule_key').notNull(),
    state: text('state').notNull(),
    snoozedUntil: timestamp('snoozed_until', { withTimezone: true }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reminder_states_rule_idx').on(t.workspaceId, t.ruleKey)],
);

export const opportunities = pgTable(
  'opportunities',
  {
    id: id(),
    workspaceId: ws(),
    kind: text('kind', { enum: OPPORTUNITY_KINDS }).notNull(),
    title: text('title').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    occurredOn: date('occurred_on').notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('opportunities_workspace_idx').on(t.workspaceId, t.kind)],
);

/** Attribution: the conversations and people an opportunity came from (several allowed). */
export const opportunitySources = pgTable(
  'opportunity_sources',
  {
    id: id(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('opportunity_sources_opportunity_idx').on(t.opportunityId),
    index('opportunity_sources_conversation_idx').on(t.conversationId),
    check('opportunity_sources_some', sql`num_nonnulls(${t.conversationId}, ${t.personId}) >= 1`),
  ],
);

/** Subscribable calendar feeds; only a hash of the URL token is kept, and a feed can be revoked. */
export const calendarFeeds = pgTable('calendar_feeds', {
  id: id(),
  workspaceId: ws(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Remembered column mappings for CSV imports, and the record of merges so they can be undone. */
export const importProfiles = pgTable('import_profiles', {
  id: id(),
  workspaceId: ws(),
  kind: text('kind').notNull(),
  headerKey: text('header_key').notNull(),
  mapping: jsonb('mapping').notNull(),
  createdAt: createdAt(),
});

export const merges = pgTable(
  'merges',
  {
    id: id(),
    workspaceId: ws(),
    keptId: uuid('kept_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    /** Everything needed to undo: the merged row and the references that were moved. */
    snapshot: jsonb('snapshot').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [index('merges_workspace_idx').on(t.workspaceId, t.at)],
);
