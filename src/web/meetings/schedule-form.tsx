import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { DEFAULT_MEETING_MINUTES, durationWarnings } from '../../domain/meeting-rules.js';
import { MEDIUM_LABELS, MEDIUMS, type Medium } from '../../domain/vocab.js';
import { api, bannerMessage, type Conversation, call, describeError, type Problem } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { useLoad } from '../ui/use-load.js';
import { browserTimeZone, isoToZonedLocal, knownTimeZones, zonedLocalToIso } from '../ui/zoned-time.js';
import './past-start.css';

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
  // The server said the start has passed: ask whether this records a meeting that took place.
  const [askPast, setAskPast] = useState(false);
  const questionRef = useRef<HTMLFieldSetElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const errors = problem?.fieldErrors ?? {};
  const banner = bannerMessage(problem, ['startsAt', 'timeZone', 'durationMinutes', 'medium', 'place']);

  useEffect(() => {
    if (askPast) questionRef.current?.focus();
  }, [askPast]);

  // The limit the user set in Settings; the default until it has loaded.
  const settings = useLoad('settings', () => call(api.settings.$get()));
  const warnAbove = settings.data?.meetingWarnMinutes;
  const minutes = Number(duration);
  const liveWarnings =
    duration.trim() && Number.isFinite(minutes)
      ? durationWarnings(minutes, warnAbove, conversation.type)
      : [];

  const save = async (alreadyHappened?: boolean) => {
    setSaving(true);
    setProblem(null);
    setAskPast(false);
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
            ...(alreadyHappened ? { alreadyHappened } : {}),
          },
        }),
      );
      onScheduled(result.conversation, result.warnings);
    } catch (err) {
      const refused = describeError(err);
      // The clock that counts is the server's, so the question waits for its answer.
      if (refused.details?.startHasPassed) setAskPast(true);
      else setProblem(refused);
      setSaving(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  /** "No": back to the date, to put the right one in. */
  const fixDate = () => {
    setAskPast(false);
    dateRef.current?.focus();
  };

  return (
    <form className="form schedule-form" onSubmit={submit} noValidate>
      {banner && <Alert>{banner}</Alert>}
      {askPast && (
        <fieldset ref={questionRef} tabIndex={-1} className="notice notice-warning past-start">
          <legend>
            <strong>This time has passed. Are you recording a meeting that already happened?</strong>
          </legend>
          <p>If it did, it is saved as held and the thank-you notes come next.</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={saving}
              onClick={() => void save(true)}
            >
              Yes, it happened
            </button>
            <button type="button" className="button" onClick={fixDate}>
              No, change the date
            </button>
          </div>
        </fieldset>
      )}
      <div className="form-grid">
        <Field label="Date and time" required error={errors.startsAt}>
          {(c) => (
            <input
              {...c}
              ref={dateRef}
              type="datetime-local"
              value={local}
              onChange={(e) => {
                setLocal(e.target.value);
                setAskPast(false);
              }}
            />
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
            maxLength={500}
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
