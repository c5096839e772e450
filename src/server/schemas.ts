/**
 * The API's shapes: every input is validated here at the edge, and every response is described
 * for the OpenAPI document and the typed web client.
 */
import { z } from '@hono/zod-openapi';
import { isValidTimeZone } from '../domain/meeting-rules.js';
import { emailAddress, ORGANIZATION_NAME_MAX, PERSON_LIMITS, profileUrl } from '../domain/person-fields.js';
import { SettingsSchema } from '../domain/settings.js';
import {
  CHANNELS,
  CONVERSATION_STATUSES,
  CONVERSATION_TYPES,
  DIRECTIONS,
  KEEP_IN_TOUCH,
  MEDIUMS,
  MESSAGE_PURPOSES,
  NOTE_KINDS,
  SENIORITY_LEVELS,
  TASK_KINDS,
} from '../domain/vocab.js';

export const Id = z.uuid({ error: 'must be an id (a UUID)' });
export const IdParam = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });
export const Timestamp = z.string().openapi({ format: 'date-time' });
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ field: z.string(), message: z.string() })),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

export const VersionQuery = z.object({
  version: z.coerce.number().int().positive().optional().openapi({
    description: 'The version the edit is based on; a stale version is refused with 409.',
  }),
});

export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

// Organizations ---------------------------------------------------------------------------------

export const OrganizationInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(ORGANIZATION_NAME_MAX),
    website: profileUrl.nullish().or(z.literal('').transform(() => null)),
    industry: optionalText(200),
    location: optionalText(200),
    notes: z.string().max(50_000).optional(),
  })
  .openapi('OrganizationInput');

export const OrganizationPatch = OrganizationInput.partial().extend({
  version: z.number().int().positive().optional(),
});

export const Organization = z
  .object({
    id: z.string(),
    name: z.string(),
    website: z.string().nullable(),
    industry: z.string().nullable(),
    location: z.string().nullable(),
    notes: z.string(),
    peopleCount: z.number(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: z.number(),
  })
  .openapi('Organization');

// People ----------------------------------------------------------------------------------------

const timeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, 'is not a known time zone (use a name like Europe/Paris)');

export const PersonInput = z
  .object({
    fullName: z.string().trim().min(1, 'is required').max(PERSON_LIMITS.fullName),
    title: optionalText(PERSON_LIMITS.title),
    function: optionalText(PERSON_LIMITS.function),
    seniority: z.enum(SENIORITY_LEVELS).nullish(),
    organizationId: Id.nullish(),
    pastOrganizationIds: z.array(Id).max(20).optional(),
    email: emailAddress.nullish().or(z.literal('').transform(() => null)),
    phone: optionalText(PERSON_LIMITS.phone),
    linkedinUrl: profileUrl.nullish().or(z.literal('').transform(() => null)),
    location: optionalText(PERSON_LIMITS.location),
    timeZone: timeZone.nullish().or(z.literal('').transform(() => null)),
    howWeKnow: optionalText(PERSON_LIMITS.howWeKnow),
    introducedById: Id.nullish(),
    tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
    notes: z.string().max(PERSON_LIMITS.notes).optional(),
    keepInTouch: z.enum(KEEP_IN_TOUCH).optional(),
    keepInTouchEveryDays: z.number().int().min(1).max(3650).nullish(),
    preferredChannel: optionalText(PERSON_LIMITS.preferredChannel),
    connectedOn: z.iso.date('must be a date like 2026-01-31').nullish(),
  })
  .openapi('PersonInput');

export const PersonPatch = PersonInput.partial().extend({ version: z.number().int().positive().optional() });

export const Person = z
  .object({
    id: z.string(),
    fullName: z.string(),
    title: z.string().nullable(),
    function: z.string().nullable(),
    seniority: z.enum(SENIORITY_LEVELS).nullable(),
    organizationId: z.string().nullable(),
    organizationName: z.string().nullable(),
    pastOrganizationIds: z.array(z.string()),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    linkedinUrl: z.string().nullable(),
    location: z.string().nullable(),
    timeZone: z.string().nullable(),
    howWeKnow: z.string().nullable(),
    notes: z.string(),
    tags: z.array(z.string()),
    introducedBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
    keepInTouch: z.enum(KEEP_IN_TOUCH),
    keepInTouchEveryDays: z.number().nullable(),
    preferredChannel: z.string().nullable(),
    connectedOn: z.string().nullable(),
    source: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: z.number(),
  })
  .openapi('Person');

export const PeopleQuery = Paging.extend({
  q: z.string().trim().max(200).optional(),
  organizationId: Id.optional(),
  tag: z.string().trim().max(50).optional(),
});

// Conversations ---------------------------------------------------------------------------------

export const ConversationInput = z
  .object({
    title: z.string().trim().max(200).optional(),
    type: z.enum(CONVERSATION_TYPES),
    organizationId: Id.nullish(),
    participantIds: z.array(Id).min(1, 'choose at least one person').max(20),
    goals: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
    role: optionalText(200),
    reachedVia: optionalText(200),
  })
  .openapi('ConversationInput');

export const ConversationPatch = ConversationInput.partial().extend({
  version: z.number().int().positive().optional(),
});

export const MoveInput = z
  .object({
    to: z.enum(CONVERSATION_STATUSES),
    note: z.string().trim().max(2000).nullish(),
    version: z.number().int().positive().optional(),
  })
  .openapi('MoveInput');

export const MeetingInput = z
  .object({
    startsAt: z.iso
      .datetime({ offset: true, error: 'must be a date and time like 2026-12-01T14:30:00+01:00' })
      .transform((s) => new Date(s)),
    timeZone,
    durationMinutes: z
      .number()
      .int()
      .min(5, 'must be at least 5 minutes')
      .max(480, 'must be at most 8 hours')
      .optional(),
    medium: z.enum(MEDIUMS),
    place: optionalText(500),
    alreadyHappened: z.boolean().optional().openapi({
      description:
        'Recording a meeting that took place: the start must have passed, and the conversation moves to held. A start that has passed is refused without it.',
    }),
  })
  .openapi('MeetingInput');

const Meeting = z.object({
  id: z.string(),
  startsAt: Timestamp,
  timeZone: z.string(),
  durationMinutes: z.number(),
  medium: z.enum(MEDIUMS),
  place: z.string().nullable(),
  version: z.number(),
});

const ConversationSummaryShape = {
  id: z.string(),
  title: z.string(),
  type: z.enum(CONVERSATION_TYPES),
  status: z.enum(CONVERSATION_STATUSES),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  role: z.string().nullable(),
  reachedVia: z.string().nullable(),
  participants: z.array(z.object({ id: z.string(), fullName: z.string() })),
  nextMeetingAt: Timestamp.nullable(),
  statusChangedAt: Timestamp,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number(),
};

export const ConversationSummary = z.object(ConversationSummaryShape).openapi('ConversationSummary');

export const Conversation = z
  .object({
    ...ConversationSummaryShape,
    goals: z.array(z.object({ id: z.string(), text: z.string(), achieved: z.boolean() })),
    meeting: Meeting.nullable(),
    history: z.array(
      z.object({
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        note: z.string().nullable(),
        at: Timestamp,
      }),
    ),
    allowedNext: z.array(z.enum(CONVERSATION_STATUSES)),
    requestedAt: Timestamp.nullable().openapi({ description: 'When the latest request went out' }),
    repliedAt: Timestamp.nullable().openapi({ description: 'When the latest request was first answered' }),
    replyToAnswer: z
      .object({
        at: Timestamp,
        personId: z.string().nullable(),
        personName: z.string().nullable(),
        messageLogId: z.string().nullable().openapi({ description: 'The reply in the message log' }),
        subject: z.string().nullable(),
      })
      .nullable()
      .openapi({
        description:
          'A reply read from the mailbox (sync or import) whose answer only the user knows: did they agree to talk?',
      }),
  })
  .openapi('Conversation');

export const ConversationsQuery = Paging.extend({
  status: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const parts = s.split(',').map((p) => p.trim());
      const bad = parts.filter((p) => !(CONVERSATION_STATUSES as readonly string[]).includes(p));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `unknown status ${bad.join(', ')}` });
        return z.NEVER;
      }
      return parts as (typeof CONVERSATION_STATUSES)[number][];
    })
    .openapi({ type: 'string', description: 'Comma-separated statuses' }),
  personId: Id.optional(),
  organizationId: Id.optional(),
  q: z.string().trim().max(200).optional(),
});

// Notes and timelines ---------------------------------------------------------------------------

export const NoteInput = z
  .object({
    personId: Id.optional(),
    organizationId: Id.optional(),
    conversationId: Id.optional(),
    kind: z.enum(NOTE_KINDS).optional(),
    body: z.string().trim().min(1, 'is empty').max(50_000, 'is longer than 50,000 characters'),
  })
  .openapi('NoteInput');

export const NotePatch = z.object({
  body: z.string().trim().min(1, 'is empty').max(50_000).optional(),
  kind: z.enum(NOTE_KINDS).optional(),
  version: z.number().int().positive().optional(),
});

export const Note = z
  .object({
    id: z.string(),
    personId: z.string().nullable(),
    organizationId: z.string().nullable(),
    conversationId: z.string().nullable(),
    kind: z.enum(NOTE_KINDS),
    body: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: z.number(),
  })
  .openapi('Note');

export const NotesQuery = z.object({
  personId: Id.optional(),
  organizationId: Id.optional(),
  conversationId: Id.optional(),
});

export const TimelineEntry = z
  .object({
    at: Timestamp,
    kind: z.enum(['note', 'status', 'introduction']),
    title: z.string(),
    body: z.string().nullable(),
    conversationId: z.string().nullable(),
    noteId: z.string().nullable(),
    personId: z.string().nullable(),
  })
  .openapi('TimelineEntry');

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });

/** A long list whose count stops at a cap (1,000, or the page asked for) instead of reading every match. */
export const cappedListOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().openapi({ description: 'How many match, exact unless totalIsCapped.' }),
    totalIsCapped: z
      .boolean()
      .openapi({ description: 'True when more than `total` match: the count stopped at its cap.' }),
  });

// Messages, tasks, settings ---------------------------------------------------------------------

export const MessageInput = z
  .object({
    personId: Id,
    conversationId: Id.nullish(),
    channel: z.enum(CHANNELS),
    direction: z.enum(DIRECTIONS),
    purpose: z.enum(MESSAGE_PURPOSES),
    at: z.iso
      .datetime({ offset: true, error: 'must be a date and time like 2026-12-01T14:30:00Z' })
      .transform((s) => new Date(s))
      .optional(),
    subject: optionalText(300),
    body: z.string().max(50_000).optional(),
    templateId: Id.nullish(),
  })
  .openapi('MessageInput');

export const Message = z
  .object({
    id: z.string(),
    personId: z.string(),
    conversationId: z.string().nullable(),
    channel: z.enum(CHANNELS),
    direction: z.enum(DIRECTIONS),
    purpose: z.enum(MESSAGE_PURPOSES),
    at: Timestamp,
    subject: z.string().nullable(),
    body: z.string(),
    templateId: z.string().nullable(),
    /** The e-mail's Message-ID when it came from or went through the connected mailbox. */
    messageId: z.string().nullable(),
    /** True while the purpose is Rapport's guess from the mailbox; the user may correct it. */
    purposeInferred: z.boolean(),
    /** Documents from the library sent with it, as they went out. */
    attachments: z.array(
      z.object({
        documentId: z.string().nullable(),
        fileName: z.string(),
        mimeType: z.string(),
        sizeBytes: z.number(),
      }),
    ),
    createdAt: Timestamp,
  })
  .openapi('Message');

export const MessageListItem = Message.extend({
  personName: z.string(),
  conversationTitle: z.string().nullable(),
}).openapi('MessageListItem');

export const MessagesQuery = Paging.extend({
  personId: Id.optional(),
  conversationId: Id.optional(),
  direction: z.enum(DIRECTIONS).optional(),
  channel: z.enum(CHANNELS).optional(),
});

export const TaskInput = z
  .object({
    kind: z.enum(TASK_KINDS).optional(),
    title: z.string().trim().min(1, 'is required').max(500),
    dueOn: z.iso.date('must be a date like 2026-01-31').nullish(),
    personId: Id.nullish(),
    conversationId: Id.nullish(),
  })
  .openapi('TaskInput');

export const TaskPatch = TaskInput.partial().extend({
  done: z.boolean().optional(),
  version: z.number().int().positive().optional(),
});

export const Task = z
  .object({
    id: z.string(),
    kind: z.enum(TASK_KINDS),
    title: z.string(),
    dueOn: z.string().nullable(),
    personId: z.string().nullable(),
    conversationId: z.string().nullable(),
    doneAt: Timestamp.nullable(),
    suggestedBy: z.string().nullable().openapi({
      description: 'The name of the coach who suggested this task (hosted mode); null for your own',
    }),
    acceptedAt: Timestamp.nullable().openapi({
      description: 'When a coach’s suggestion was accepted; null while it waits for an answer',
    }),
    createdAt: Timestamp,
    version: z.number(),
    overdue: z.boolean().openapi({ description: 'Open and due before today, in the user’s time zone' }),
    dueToday: z.boolean().openapi({ description: 'Open and due today, in the user’s time zone' }),
  })
  .openapi('Task');

export const TaskListItem = Task.extend({
  personName: z.string().nullable(),
  conversationTitle: z.string().nullable(),
}).openapi('TaskListItem');

export const TasksQuery = Paging.extend({
  personId: Id.optional(),
  conversationId: Id.optional(),
  status: z
    .enum(['open', 'done', 'all'])
    .optional()
    .openapi({ description: 'Open tasks (the default), done ones, or all' }),
  kind: z.enum(TASK_KINDS).optional(),
  includeDone: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ description: 'The same as status=all; status wins when both are given' }),
});

type WithoutDefaults<S extends Record<string, z.ZodType>> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer T> ? T : S[K]>;
};

/**
 * Every field optional and without its default: a change names only what it changes. (With the
 * defaults, `.partial()` would fill every field left out, and a change of one setting would put
 * all the others back to their defaults.)
 */
function withoutDefaults<S extends Record<string, z.ZodType>>(shape: S): WithoutDefaults<S> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional(),
    ]),
  ) as WithoutDefaults<S>;
}

export const SettingsPatch = z
  .object(withoutDefaults(SettingsSchema.shape))
  .extend({
    timeZone: timeZone.optional(),
    myName: z.string().trim().min(1).max(200).optional(),
  })
  .openapi('SettingsPatch');

export const Settings = SettingsSchema.extend({ timeZone: z.string(), myName: z.string() }).openapi(
  'Settings',
);
