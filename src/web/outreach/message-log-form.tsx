import { type FormEvent, useState } from 'react';
import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type ConversationStatus,
  type Direction,
  MESSAGE_PURPOSE_LABELS,
  type MessagePurpose,
} from '../../domain/vocab.js';
import { api, bannerMessage, call, describeError, type Problem } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { DIRECTION_LABELS } from '../ui/labels.js';
import { OUTGOING_PURPOSES } from './compose-helpers.js';

const INCOMING_PURPOSES = ['reply', 'decline', 'other'] as const satisfies readonly MessagePurpose[];

function purposesFor(direction: Direction): readonly MessagePurpose[] {
  return direction === 'in' ? INCOMING_PURPOSES : OUTGOING_PURPOSES;
}

interface MessageLogFormProps {
  people: { id: string; fullName: string }[];
  conversationId?: string | undefined;
  onLogged: (statusChangedTo: ConversationStatus | null) => void;
  onCancel: () => void;
}

/** Records a message that happened outside Rapport — most often the reply to a request. */
export function MessageLogForm({ people, conversationId, onLogged, onCancel }: MessageLogFormProps) {
  const [personId, setPersonId] = useState(people[0]?.id ?? '');
  const [direction, setDirection] = useState<Direction>('in');
  const [purpose, setPurpose] = useState<MessagePurpose>('reply');
  const [channel, setChannel] = useState<Channel>('email');
  const [at, setAt] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = problem?.fieldErrors ?? {};
  const banner = bannerMessage(problem, [
    'personId',
    'direction',
    'purpose',
    'channel',
    'at',
    'subject',
    'body',
  ]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      // The time is typed on the browser's clock; empty means "just now" on the server's.
      const when = at ? new Date(at) : null;
      const result = await call(
        api.messages.$post({
          json: {
            personId,
            conversationId: conversationId ?? null,
            direction,
            purpose,
            channel,
            at: when && !Number.isNaN(when.getTime()) ? when.toISOString() : undefined,
            subject: subject.trim() || null,
            body,
          },
        }),
      );
      onLogged(result.statusChangedTo);
    } catch (err) {
      setProblem(describeError(err));
      setSaving(false);
    }
  };

  return (
    <form className="form message-log-form" onSubmit={submit} noValidate>
      {banner && <Alert>{banner}</Alert>}
      <div className="form-grid">
        {people.length > 1 && (
          <Field label="Person" error={errors.personId}>
            {(c) => (
              <select {...c} value={personId} onChange={(e) => setPersonId(e.target.value)}>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.fullName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Sent or received" error={errors.direction}>
          {(c) => (
            <select
              {...c}
              value={direction}
              onChange={(e) => {
                const next = e.target.value as Direction;
                setDirection(next);
                setPurpose(purposesFor(next)[0]!);
              }}
            >
              <option value="in">{DIRECTION_LABELS.in} (from them)</option>
              <option value="out">{DIRECTION_LABELS.out} (by me)</option>
            </select>
          )}
        </Field>
        <Field label="Purpose" error={errors.purpose}>
          {(c) => (
            <select {...c} value={purpose} onChange={(e) => setPurpose(e.target.value as MessagePurpose)}>
              {purposesFor(direction).map((p) => (
                <option key={p} value={p}>
                  {MESSAGE_PURPOSE_LABELS[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Channel" error={errors.channel}>
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
        <Field label="When" error={errors.at} hint="Leave empty for just now.">
          {(c) => <input {...c} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />}
        </Field>
      </div>
      <Field label="Subject" error={errors.subject}>
        {(c) => <input {...c} maxLength={300} value={subject} onChange={(e) => setSubject(e.target.value)} />}
      </Field>
      <Field label="What was said" error={errors.body} hint="The text, or a line to remember it by.">
        {(c) => (
          <textarea
            {...c}
            rows={3}
            maxLength={50000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || !personId}>
          {saving ? 'Saving…' : 'Save to the log'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
