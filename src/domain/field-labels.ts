/**
 * What each input field is called on screen, in one place: the server words its validation
 * messages with these labels and the web labels its inputs with them, so a message always names
 * the field the person can see. A field missing here is named from its key ("dueOn" → "Due on").
 */
export const FIELD_LABELS: Record<string, string> = {
  // People
  fullName: 'Name',
  title: 'Title',
  function: 'Function',
  seniority: 'Seniority',
  organizationId: 'Organization',
  pastOrganizationIds: 'Former organizations',
  email: 'E-mail',
  phone: 'Phone',
  linkedinUrl: 'LinkedIn URL',
  location: 'Location',
  timeZone: 'Time zone',
  howWeKnow: 'How we know each other',
  introducedById: 'Introduced by',
  tags: 'Tags',
  tag: 'Tag',
  notes: 'Notes',
  keepInTouch: 'Keep in touch',
  keepInTouchEveryDays: 'Keep in touch every (days)',
  preferredChannel: 'Preferred channel',
  connectedOn: 'Connected on',
  // Organizations
  name: 'Name',
  website: 'Website',
  industry: 'Industry',
  // Conversations and meetings
  type: 'Type',
  role: 'Role you are curious about',
  reachedVia: 'How you reached them',
  participantIds: 'People',
  participants: 'People',
  personId: 'Person',
  conversationId: 'Conversation',
  startsAt: 'Date and time',
  durationMinutes: 'Duration (minutes)',
  medium: 'Medium',
  place: 'Place, link or phone number',
  goals: 'Goals',
  status: 'Status',
  toStatus: 'Status',
  // Messages, notes, tasks
  at: 'When',
  direction: 'Sent or received',
  channel: 'Channel',
  subject: 'Subject',
  body: 'What was said',
  purpose: 'Purpose',
  templateId: 'Template',
  kind: 'Kind',
  dueOn: 'Due date',
  note: 'Note',
  text: 'Wording',
  minutes: 'Minutes',
  travelMinutes: 'Travel time (minutes)',
  summary: 'How it went and how it fits you',
  occurredOn: 'Date',
  introducedOn: 'Date',
  topic: 'Topic',
  // Settings
  myName: 'Your name',
  holidays: 'Holidays',
  requestWarnWords: 'Request length: advise above (words)',
  requestStrongWords: 'Request length: warn strongly above (words)',
  meetingWarnMinutes: 'Meeting length: advise above (minutes)',
  secondContactAfterBusinessDays: 'Try a second person after (business days)',
  followUpAfterBusinessDays: 'Send the one follow-up after (business days)',
  reportBackDays: 'Report back after (days)',
  keepInTouchDefaultDays: 'Keep in touch every (days)',
  activeTargets: 'Employers to work at once',
  weeklyMeetingGoal: 'Conversations per week (goal)',
  digestEnabled: 'E-mail me Today’s list each morning',
  digestHour: 'Send it at (hour)',
  // Lists and searches
  q: 'Search',
  limit: 'Number of results',
  offset: 'Start from result',
  version: 'Version',
  file: 'File',
  keptId: 'The person to keep',
  mergedId: 'The person to merge into them',
};

/** "keepInTouchEveryDays" → "Keep in touch every days": a readable name for a field with no label. */
function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'This value';
}

/**
 * The on-screen label of a field given its dotted path: "participants" → "People"; an entry of a
 * list names its place, "tags.0" → "Tags (entry 1)"; the last named part wins: "answers.2.text" →
 * "Wording".
 */
export function fieldLabel(path: string): string {
  const parts = path.split('.').filter((p) => p !== '');
  let index: number | null = null;
  while (parts.length > 0 && /^\d+$/.test(parts[parts.length - 1] ?? '')) index = Number(parts.pop());
  const key = parts[parts.length - 1];
  if (!key || key === '(body)') return 'The request';
  const label = FIELD_LABELS[key] ?? humanize(key);
  return index === null ? label : `${label} (entry ${index + 1})`;
}
