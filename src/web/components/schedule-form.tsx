import { type FormEvent, useId, useMemo, useState } from 'react';
import { DEFAULT_MEETING_MINUTES, durationWarnings } from '../../domain/meeting-rules.js';
import { MEDIUM_LABELS, MEDIUMS, type Medium } from '../../domain/vocab.js';
import { api, type Conversation, call, describeError, type Problem } from '../api.js';
import { useLoad } from '../use-load.js';
import { browserTimeZone, isoToZonedLocal, knownTimeZones, zonedLocalToIso } from '../zoned-time.js';
import { Alert } from './alert.js';
import { Field } from './field.js';

interface ScheduleFormProps {
  conversation: Conversation;
  onScheduled: (conversation: Conversation, warnings: string[]) => void;
  onCancel: () => void;
}

/** Schedules or reschedules the meeting: a clock time in a named zone, a length and a medium. */
export function ScheduleForm({ conversation, onScheduled, onCancel }: ScheduleFormProps) {
  const meeting = conversation.meeting;
  const zonesId = useId();
  const zones = useMemo(knownTimeZones, []);
  const [timeZone, setTimeZone] = useState(meeting?.timeZone ?? browserTimeZone());
  const [local, setLocal] = useState(meeting ? isoToZonedLocal(meeting.startsAt, meeting.timeZone) : '');
  const [duration, setDuration] = useState(String(meeting?.durationMinutes ?? DEFAULT_MEETING_MINUTES));
  const [medium, setMedium] = useState<Medium>(meeting?.medium ?? 'video');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = problem?.fieldErrors ?? {};

  // The limit the user set in Settings; the default until it has loaded.
  const settings = useLoad('settings', () => call(api.settings.$get()));
  const warnAbove = settings.data?.meetingWarnMinutes;
  const minutes = Number(duration);
  const liveWarnings =
    duration.trim() && Number.isFinite(minutes)
      ? durationWarnings(minutes, warnAbove, conversation.type)
      : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const result = await call(
        api.conversations[':id'].meeting.$put({
          param: { id: conversation.id },
          json: {
            // An incomplete date is sent as typed, so the server's message says what is missing.
            startsAt: zonedLocalToIso(local, timeZone.trim()) ?? local,
            timeZone: timeZone.trim(),
            durationMinutes: duration.trim() ? minutes : undefined,
            medium,
            place: place.trim() || null,
          },
        }),
      );
      onScheduled(result.conversation, result.warnings);
    } catch (err) {
      setProblem(describeError(err));
      setSaving(false);
    }
  };

  return (
    <form className="form schedule-form" onSubmit={submit} noValidate>
      {problem && <Alert>{problem.message}</Alert>}
      <div className="form-grid">
        <Field label="Date and time" required error={errors.startsAt}>
          {(c) => (
            <input {...c} type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} />
          )}
        </Field>
        <Field label="Time zone" required error={errors.timeZone} hint="The clock the date and time are on.">
          {(c) => (
            <input
              {...c}
              list={zonesId}
              autoComplete="off"
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
            />
          )}
        </Field>
        <Field label="Duration (minutes)" error={errors.durationMinutes}>
          {(c) => (
            <input
              {...c}
              type="number"
              min={5}
              max={480}
              step={5}
              inputMode="numeric"
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
            />
          )}
        </Field>
        <Field label="Medium" error={errors.medium}>
          {(c) => (
            <select {...c} value={medium} onChange={(e) => setMedium(e.target.value as Medium)}>
              {MEDIUMS.map((m) => (
                <option key={m} value={m}>
                  {MEDIUM_LABELS[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <datalist id={zonesId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div aria-live="polite" className="live-warnings">
        {liveWarnings.map((w) => (
          <p key={w} className="notice notice-warning">
            {w}
          </p>
        ))}
      </div>
      <Field label="Place, link or phone number" error={errors.place}>
        {(c) => (
          <input
            {...c}
            value={place}
            placeholder="e.g. Café Lumière, a video link, or who calls whom"
            onChange={(e) => setPlace(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : meeting ? 'Save new time' : 'Schedule'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
