import { useState } from 'react';
import { Link } from 'react-router';
import type { MergeField } from '../../domain/templates.js';
import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type ConversationStatus,
  MESSAGE_PURPOSE_LABELS,
} from '../../domain/vocab.js';
import { api, type Conversation, call, describeError } from '../api.js';
import { StatusBadge } from '../conversations/status-badge.js';
import type { PickedDocument } from '../mail/attachment-picker.js';
import { sendThroughMailbox } from '../mail/mail-api.js';
import { Alert } from '../ui/alert.js';
import { DraftOffer } from '../ui/draft-offer.js';
import { Field } from '../ui/field.js';
import { formatDateTime } from '../ui/format.js';
import { sameValues } from '../ui/local-draft.js';
import { PageHeader } from '../ui/page-header.js';
import { useLocalDraft } from '../ui/use-local-draft.js';
import { useUnsavedChanges } from '../ui/use-unsaved-changes.js';
import {
  defaultTemplateId,
  knownFields,
  OUTGOING_PURPOSES,
  type OutgoingPurpose,
} from './compose-helpers.js';
import type { ComposeSetup } from './compose-setup.js';
import { DraftPanel } from './draft-panel.js';
import { RequestCheck } from './request-check.js';
import { SaveTemplateForm } from './save-template-form.js';
import { SendPanel } from './send-panel.js';

const PURPOSE_ADVICE: Record<OutgoingPurpose, string> = {
  request:
    'Lead with what connects you, keep it under a minute to read, ask for their insight — never for a job — and end with a question.',
  follow_up: 'One friendly nudge is plenty. Keep it shorter than your first note and easy to decline.',
  thank_you:
    'Within a day of meeting: one specific thing they said, what you will do with it, and your thanks.',
  report_back: 'Tell them what you did with their advice or whom you contacted, and how it went.',
  keep_in_touch: 'Share some news, something useful to them, or how their advice has helped.',
  other: '',
};

function backLink(conversation: Conversation | null, personId: string) {
  if (conversation) return <Link to={`/conversations/${conversation.id}`}>← {conversation.title}</Link>;
  if (personId) return <Link to={`/people/${personId}`}>← Back to their page</Link>;
  return <Link to="/">← Home</Link>;
}

interface ComposeFormProps {
  setup: ComposeSetup;
  initialPurpose: OutgoingPurpose;
}

/** The message being written: to whom and why, the template, the text, the advice and sending. */
export function ComposeForm({ setup, initialPurpose }: ComposeFormProps) {
  const { settings, conversation, recipients, thankYou, postingCautions, sendFrom } = setup;
  const [templates, setTemplates] = useState(setup.templates);
  const [personId, setPersonId] = useState(setup.personId);
  const recipient = recipients.find((r) => r.id === personId) ?? recipients[0]!;
  const [purpose, setPurpose] = useState<OutgoingPurpose>(initialPurpose);
  const [channel, setChannel] = useState<Channel>(
    (CHANNELS as readonly string[]).includes(recipient.preferredChannel ?? '')
      ? (recipient.preferredChannel as Channel)
      : 'email',
  );
  const [templateId, setTemplateId] = useState(
    thankYou ? '' : defaultTemplateId(templates, initialPurpose, !!recipient.introducedBy),
  );
  const [fields, setFields] = useState<Partial<Record<MergeField, string>>>(() =>
    knownFields(recipient, settings.myName),
  );
  const [draftTemplateId, setDraftTemplateId] = useState<string | null>(null);
  const [subject, setSubject] = useState(thankYou?.subject ?? '');
  const [body, setBody] = useState(thankYou?.body ?? '');
  const [attachments, setAttachments] = useState<PickedDocument[]>([]);
  const [dueAt, setDueAt] = useState(thankYou?.dueAt ?? null);
  const [thankYouHint, setThankYouHint] = useState(thankYou?.hint ?? null);
  // The last drafted thank-you, to tell an untouched draft (redrafted for another person) from the user's text.
  const [draftedThankYou, setDraftedThankYou] = useState(thankYou?.body ?? null);
  const [redraftError, setRedraftError] = useState<string | null>(null);
  // Logging a request or a thank-you can move the conversation on; the header shows it at once.
  const [status, setStatus] = useState(conversation?.status ?? null);
  // What is written, kept in the browser until the message is logged as sent.
  const written = { subject, body, fields };
  const [logged, setLogged] = useState(written);
  useUnsavedChanges(!sameValues(written, logged));
  const draft = useLocalDraft(
    `draft:compose:${setup.personId}|${conversation?.id ?? ''}|${initialPurpose}`,
    written,
    {
      baseline: logged,
      onRestore: (kept) => {
        setSubject(kept.subject);
        setBody(kept.body);
        setFields(kept.fields);
      },
    },
  );

  const draftThankYou = async (forPersonId = recipient.id) => {
    if (!conversation) return;
    setRedraftError(null);
    try {
      const draft = await call(
        api.conversations[':id']['thank-you'].$get({
          param: { id: conversation.id },
          query: { personId: forPersonId },
        }),
      );
      setSubject(draft.subject);
      setBody(draft.body);
      setDraftedThankYou(draft.body);
      setDueAt(draft.dueAt);
      setThankYouHint(draft.hint);
      setDraftTemplateId(null);
    } catch (err) {
      setRedraftError(describeError(err).message);
    }
  };

  const choosePerson = (id: string) => {
    const next = recipients.find((r) => r.id === id);
    setPersonId(id);
    if (!next) return;
    // Each person gets their own thank-you: an untouched draft follows the new recipient.
    if (purpose === 'thank_you' && conversation && (body.trim() === '' || body === draftedThankYou)) {
      void draftThankYou(id);
    }
    // Only the facts about the person change; what the user typed (interests, background) stays.
    const { myName: _mine, ...theirs } = knownFields(next, settings.myName);
    setFields((f) => ({
      ...f,
      fullName: undefined,
      firstName: undefined,
      organization: undefined,
      referrer: undefined,
      ...theirs,
    }));
  };

  const hints = [fields.referrer, fields.school, recipient.introducedBy?.fullName].filter(
    (h): h is string => !!h?.trim(),
  );
  const filled = (list: (string | null | undefined)[]) => list.filter((h): h is string => !!h?.trim());
  const narrowHints = filled([fields.interestNarrow, fields.organization, recipient.organizationName]);
  const broadHints = filled([fields.interestBroad]);
  // An open posting at their employer colours a request or a follow-up, not a thank-you.
  const postingCaution =
    (purpose === 'request' || purpose === 'follow_up') && recipient.organizationId
      ? postingCautions[recipient.organizationId]
      : undefined;

  const log = async () => {
    const result = await call(
      api.messages.$post({
        json: {
          personId: recipient.id,
          conversationId: conversation?.id ?? null,
          channel,
          direction: 'out',
          purpose,
          subject: subject.trim() || null,
          body,
          templateId: draftTemplateId,
        },
      }),
    );
    draft.clear();
    setLogged({ subject, body, fields });
    if (result.statusChangedTo) setStatus(result.statusChangedTo);
    return result.statusChangedTo;
  };

  // Sends through the connected mailbox, on the conversation's thread; the server logs it at once.
  const sendByMail = async () => {
    const result = await sendThroughMailbox({
      personId: recipient.id,
      conversationId: conversation?.id ?? null,
      purpose,
      subject: subject.trim(),
      body,
      ...(attachments.length ? { documentIds: attachments.map((a) => a.id) } : {}),
    });
    draft.clear();
    setLogged({ subject, body, fields });
    return {
      statusChangedTo: result.statusChangedTo as ConversationStatus | null,
      savedToSent: result.savedToSent,
    };
  };

  return (
    <>
      <PageHeader
        title={`Write to ${recipient.fullName}`}
        eyebrow={backLink(conversation, setup.personId)}
        subtitle={
          conversation ? (
            <>
              About {conversation.title} <StatusBadge status={status ?? conversation.status} />
            </>
          ) : (
            recipient.organizationName
          )
        }
      />
      <div className="columns compose">
        <div className="column-main">
          <DraftOffer draft={draft} />
          <div className="form-grid">
            <Field label="To">
              {(c) => (
                <select {...c} value={recipient.id} onChange={(e) => choosePerson(e.target.value)}>
                  {recipients.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.fullName}
                      {r.email ? ` <${r.email}>` : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Purpose">
              {(c) => (
                <select
                  {...c}
                  value={purpose}
                  onChange={(e) => {
                    const next = e.target.value as OutgoingPurpose;
                    setPurpose(next);
                    setTemplateId(defaultTemplateId(templates, next, !!recipient.introducedBy));
                  }}
                >
                  {OUTGOING_PURPOSES.map((p) => (
                    <option key={p} value={p}>
                      {MESSAGE_PURPOSE_LABELS[p]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Channel">
              {(c) => (
                <select {...c} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
                  {CHANNELS.map((ch) => (
                    <option key={ch} value={ch}>
                      {CHANNEL_LABELS[ch]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {PURPOSE_ADVICE[purpose] && <p className="muted">{PURPOSE_ADVICE[purpose]}</p>}
          {postingCaution && (
            <div className="notice notice-warning" role="note" aria-label="Open posting">
              <p>
                <strong>{recipient.organizationName}:</strong> {postingCaution}
              </p>
            </div>
          )}
          {purpose === 'thank_you' && conversation && (
            <div className="notice notice-info">
              {dueAt && (
                <p>
                  Best sent by <strong>{formatDateTime(dueAt)}</strong>.
                </p>
              )}
              <p>
                A thank-you can start from your debrief: the draft quotes something this person said and what
                you promised to do with it. Your summary and notes stay private. Make it yours before sending.
              </p>
              {thankYouHint && <p className="strong">{thankYouHint}</p>}
              {redraftError && <Alert>{redraftError}</Alert>}
              <button type="button" className="button button-small" onClick={() => draftThankYou()}>
                Draft from my debrief
              </button>
            </div>
          )}
          <DraftPanel
            templates={templates}
            purpose={purpose}
            templateId={templateId}
            onTemplateChange={setTemplateId}
            fields={fields}
            onFieldsChange={setFields}
            personId={recipient.id}
            onDrafted={(d) => {
              setSubject(d.subject);
              setBody(d.body);
              setDraftTemplateId(d.templateId);
            }}
          />
          <Field label="Subject">
            {(c) => <input {...c} value={subject} onChange={(e) => setSubject(e.target.value)} />}
          </Field>
          <Field label="Message">
            {(c) => <textarea {...c} rows={12} value={body} onChange={(e) => setBody(e.target.value)} />}
          </Field>
          <SendPanel
            recipientName={recipient.fullName}
            email={recipient.email}
            subject={subject}
            body={body}
            conversationId={conversation?.id ?? null}
            onLog={log}
            {...(sendFrom && channel === 'email'
              ? { sendFrom, onSend: sendByMail, attachments, onAttachments: setAttachments }
              : {})}
          />
          <SaveTemplateForm
            purpose={purpose}
            subject={subject}
            body={body}
            onSaved={(t) => setTemplates((all) => [...all, t])}
          />
        </div>
        <aside className="column-side card" aria-label="Advice">
          <RequestCheck
            text={body}
            isRequest={purpose === 'request'}
            warnAbove={settings.requestWarnWords}
            strongAbove={settings.requestStrongWords}
            connectionHints={hints}
            narrowHints={narrowHints}
            broadHints={broadHints}
          />
        </aside>
      </div>
    </>
  );
}
