import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { DEFAULT_MY_NAME } from '../../domain/my-name.js';
import { api, call, describeError, type Problem, type Settings } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { setUserTimeZone } from '../ui/format.js';
import { knownTimeZones } from '../ui/zoned-time.js';

/** The zone the browser reports, or nothing: never a silent UTC. */
function reportedTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

/** True once the user has told Rapport who they are (the server starts everyone as "Me"). */
export function knowsWhoYouAre(settings: Settings): boolean {
  return settings.myName.trim() !== '' && settings.myName !== DEFAULT_MY_NAME;
}

/**
 * The first question of a new workspace: the user's name (it signs drafts) and time zone (it decides
 * when a day starts), saved before anything else. The zone is filled in from the browser.
 */
export function WelcomeYou({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const zones = useMemo(knownTimeZones, []);
  const [myName, setMyName] = useState(knowsWhoYouAre(settings) ? settings.myName : '');
  const [timeZone, setTimeZone] = useState(reportedTimeZone);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = problem?.fieldErrors ?? {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const name = myName.trim();
    const zone = timeZone.trim();
    const local: Record<string, string> = {};
    if (!name) local.myName = 'Enter your name: it signs the messages Rapport drafts for you.';
    if (!zones.includes(zone)) local.timeZone = 'Choose your time zone from the list, like Europe/Paris.';
    if (Object.keys(local).length > 0) {
      setProblem({ status: 0, code: 'validation', message: '', fieldErrors: local });
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const saved = await call(api.settings.$patch({ json: { myName: name, timeZone: zone } }));
      setUserTimeZone(saved.timeZone);
      onSaved(saved);
    } catch (err) {
      setProblem(describeError(err));
      setSaving(false);
    }
  };

  return (
    <form className="form welcome-you" onSubmit={submit} noValidate aria-labelledby="welcome-you-heading">
      <h3 id="welcome-you-heading">First, who and where are you?</h3>
      {problem && Object.keys(errors).length === 0 && <Alert>{problem.message}</Alert>}
      <div className="form-grid">
        <Field
          label="Your name"
          required
          error={errors.myName}
          hint="Signs the messages Rapport drafts for you."
        >
          {(c) => (
            <input
              {...c}
              autoComplete="name"
              maxLength={200}
              value={myName}
              onChange={(e) => setMyName(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Your time zone"
          required
          error={errors.timeZone}
          hint="Decides when your day starts for reminders and business days. Type to search."
        >
          {(c) => (
            <input
              {...c}
              list="welcome-zones"
              autoComplete="off"
              maxLength={100}
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
            />
          )}
        </Field>
      </div>
      <datalist id="welcome-zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save and continue'}
        </button>
        <Link to="/backup" className="button">
          Restore from a backup
        </Link>
      </div>
    </form>
  );
}
