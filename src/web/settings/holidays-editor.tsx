import { type FormEvent, useState } from 'react';
import { describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { formatDay } from '../ui/format.js';

interface HolidaysEditorProps {
  holidays: string[];
  /** Saves the whole list; a thrown ApiError is shown here. */
  onSave: (holidays: string[]) => Promise<void>;
}

/** Days off that business-day counts skip, like weekends: added and removed one at a time. */
export function HolidaysEditor({ holidays, onSave }: HolidaysEditorProps) {
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sorted = [...holidays].sort();

  const save = async (next: string[]) => {
    setBusy(true);
    setError(null);
    try {
      await onSave(next);
      return true;
    } catch (err) {
      setError(describeError(err).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setError('Pick a date to add.');
      return;
    }
    if (holidays.includes(date)) {
      setError(`${formatDay(date)} is already on the list.`);
      return;
    }
    if (await save([...holidays, date].sort())) setDate('');
  };

  return (
    <section className="card" aria-labelledby="holidays-heading">
      <h2 id="holidays-heading">Holidays</h2>
      <p className="muted">
        Reminders that count business days (a second contact, a follow-up) skip weekends and these days, so
        nobody is nudged while the office is closed.
      </p>
      {error && <Alert>{error}</Alert>}
      <form className="form-row" onSubmit={add} noValidate>
        <Field label="Holiday date" className="field-compact">
          {(c) => <input {...c} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          Add holiday
        </button>
      </form>
      {sorted.length === 0 ? (
        <p className="muted">No holidays yet.</p>
      ) : (
        <ul className="holidays" aria-label="Holidays">
          {sorted.map((d) => (
            <li key={d}>
              <time dateTime={d}>{formatDay(d)}</time>
              <button
                type="button"
                className="button button-quiet button-small"
                disabled={busy}
                aria-label={`Remove ${formatDay(d)}`}
                onClick={() => save(holidays.filter((h) => h !== d))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
