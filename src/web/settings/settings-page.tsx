import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { AccountSettings } from '../accounts/account-settings.js';
import { CoachSharing } from '../accounts/coach-sharing.js';
import { api, call, describeError, type Problem, type Settings, type SettingsPatch } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { setUserTimeZone } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { sameValues } from '../ui/local-draft.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { useUnsavedChanges } from '../ui/use-unsaved-changes.js';
import { knownTimeZones } from '../ui/zoned-time.js';
import { AccessTokens } from './access-tokens.js';
import { CalendarFeeds } from './calendar-feeds.js';
import { DigestSettings } from './digest-settings.js';
import { HolidaysEditor } from './holidays-editor.js';

type NumberKey = Exclude<keyof Settings, 'timeZone' | 'myName' | 'holidays' | 'digestEnabled' | 'digestHour'>;

/** The method's numbers, in the words of the screen, each with a short reason. */
const RULES: { key: NumberKey; label: string; hint: string }[] = [
  {
    key: 'requestWarnWords',
    label: 'Request length: advise above (words)',
    hint: 'A request that reads in a few seconds gets more replies.',
  },
  {
    key: 'requestStrongWords',
    label: 'Request length: warn strongly above (words)',
    hint: 'Past this, a message tends to be saved for later and forgotten.',
  },
  {
    key: 'meetingWarnMinutes',
    label: 'Meeting length: advise above (minutes)',
    hint: 'Twenty to thirty minutes is an easy yes.',
  },
  {
    key: 'secondContactAfterBusinessDays',
    label: 'Try a second person after (business days)',
    hint: 'If the first person has not answered, write to someone else at the same place.',
  },
  {
    key: 'followUpAfterBusinessDays',
    label: 'Send the one follow-up after (business days)',
    hint: 'A single friendly reminder; never more than one.',
  },
  {
    key: 'reportBackDays',
    label: 'Report back after (days)',
    hint: 'When a report-back task has no date of its own.',
  },
  {
    key: 'keepInTouchDefaultDays',
    label: 'Keep in touch every (days)',
    hint: 'For everyone you have met, and anyone who said yes, unless you agreed another rhythm with them or they said no.',
  },
  {
    key: 'activeTargets',
    label: 'Employers to work at once',
    hint: 'The top of the target list that gets your attention now.',
  },
  { key: 'weeklyMeetingGoal', label: 'Conversations per week (goal)', hint: 'A steady pace beats bursts.' },
];

/** Your name and clock, the method's numbers, holidays, calendar feeds and access tokens. */
export function SettingsPage() {
  const settings = useLoad('settings', () => call(api.settings.$get()));
  return (
    <>
      <PageHeader
        title="Settings"
        subtitle="Your details, the numbers behind the reminders, mail, calendars and access tokens."
        actions={
          <>
            <Link to="/settings/mail" className="button">
              Mail
            </Link>
            <Link to="/backup" className="button">
              Backup and restore
            </Link>
          </>
        }
      />
      {settings.error && <Alert>{settings.error.message}</Alert>}
      {!settings.data && settings.loading && <Loading what="Loading settings" />}
      {settings.data && (
        <>
          <SettingsForm
            settings={settings.data}
            onSaved={(saved) => {
              setUserTimeZone(saved.timeZone);
              settings.setData(saved);
            }}
          />
          <HolidaysEditor
            holidays={settings.data.holidays}
            onSave={async (holidays) => {
              settings.setData(await call(api.settings.$patch({ json: { holidays } })));
            }}
          />
          <DigestSettings settings={settings.data} onSaved={settings.setData} />
        </>
      )}
      <CalendarFeeds />
      <AccessTokens />
      <CoachSharing />
      <AccountSettings />
    </>
  );
}

/** The form keeps what the user typed even when the holidays below are saved in between. */
function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const zones = useMemo(knownTimeZones, []);
  const [myName, setMyName] = useState(settings.myName);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [numbers, setNumbers] = useState<Record<NumberKey, string>>(
    () => Object.fromEntries(RULES.map((r) => [r.key, String(settings[r.key])])) as Record<NumberKey, string>,
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  // What the form holds when it opened or was last saved.
  const [stored, setStored] = useState(() => ({ myName, timeZone, numbers }));
  useUnsavedChanges(!sameValues({ myName, timeZone, numbers }, stored));
  const [saving, setSaving] = useState(false);
  const errors = problem?.fieldErrors ?? {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    setSaved(false);
    const json: SettingsPatch = { myName: myName.trim(), timeZone: timeZone.trim() };
    const blank: Record<string, string> = {};
    for (const r of RULES) {
      const value = numbers[r.key].trim();
      if (value === '') blank[r.key] = 'needs a number';
      else json[r.key] = Number(value);
    }
    if (Object.keys(blank).length > 0) {
      setProblem({ status: 0, code: 'validation', message: 'Some values are missing.', fieldErrors: blank });
      setSaving(false);
      return;
    }
    try {
      onSaved(await call(api.settings.$patch({ json })));
      setStored({ myName, timeZone, numbers });
      setSaved(true);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form settings-form" onSubmit={submit} noValidate>
      {saved && <Notice tone="success">Settings saved.</Notice>}
      {problem && (
        <Alert>
          {Object.keys(errors).length > 0
            ? 'Some values need attention; see the messages next to them.'
            : problem.message}
        </Alert>
      )}
      <fieldset>
        <legend>You</legend>
        <div className="form-grid">
          <Field label="Your name" error={errors.myName} hint="Signs the messages Rapport drafts for you.">
            {(c) => (
              <input {...c} maxLength={200} value={myName} onChange={(e) => setMyName(e.target.value)} />
            )}
          </Field>
          <Field
            label="Your time zone"
            error={errors.timeZone}
            hint="Decides when a day starts for reminders and business-day counts."
          >
            {(c) => (
              <input
                {...c}
                list="settings-zones"
                autoComplete="off"
                value={timeZone}
                onChange={(e) => setTimeZone(e.target.value)}
              />
            )}
          </Field>
        </div>
        <datalist id="settings-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </fieldset>
      <fieldset>
        <legend>The method's numbers</legend>
        <div className="form-grid">
          {RULES.map((r) => (
            <Field key={r.key} label={r.label} hint={r.hint} error={errors[r.key]}>
              {(c) => (
                <input
                  {...c}
                  type="number"
                  inputMode="numeric"
                  value={numbers[r.key]}
                  onChange={(e) => setNumbers((n) => ({ ...n, [r.key]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
