import { CHANNELS, KEEP_IN_TOUCH, type KeepInTouch } from '../../domain/vocab.js';
import { Field } from '../ui/field.js';
import { CHANNEL_LABELS, KEEP_IN_TOUCH_LABELS } from '../ui/labels.js';
import { type KeepRow, rowError, type SentRows } from './debrief-form-values.js';

interface KeepInTouchRowsProps {
  rows: KeepRow[];
  onChange: (rows: KeepRow[]) => void;
  fieldErrors: Record<string, string> | undefined;
  sent: SentRows | null;
}

/** For each participant: may you keep in touch, how often, and on which channel. */
export function KeepInTouchRows({ rows, onChange, fieldErrors, sent }: KeepInTouchRowsProps) {
  const set = (personId: string, patch: Partial<KeepRow>) =>
    onChange(rows.map((r) => (r.personId === personId ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.map((r) => {
        const e = (field: string) => rowError(fieldErrors, sent, 'keepInTouch', r.personId, field);
        return (
          <fieldset key={r.personId} className="debrief-row">
            <legend>{r.fullName}</legend>
            <div className="form-grid form-grid-3">
              <Field label="May you keep in touch?" error={e('permission')}>
                {(c) => (
                  <select
                    {...c}
                    value={r.permission}
                    onChange={(ev) => set(r.personId, { permission: ev.target.value as KeepInTouch })}
                  >
                    {KEEP_IN_TOUCH.map((k) => (
                      <option key={k} value={k}>
                        {KEEP_IN_TOUCH_LABELS[k]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                label="Every how many days"
                error={e('everyDays')}
                hint="Empty means the default from Settings (every 2–4 months)."
              >
                {(c) => (
                  <input
                    {...c}
                    type="number"
                    min={1}
                    max={3650}
                    inputMode="numeric"
                    value={r.everyDays}
                    onChange={(ev) => set(r.personId, { everyDays: ev.target.value })}
                  />
                )}
              </Field>
              <Field label="Channel they prefer" error={e('channel')}>
                {(c) => (
                  <select
                    {...c}
                    value={r.channel}
                    onChange={(ev) => set(r.personId, { channel: ev.target.value })}
                  >
                    <option value="">No preference</option>
                    {CHANNELS.map((ch) => (
                      <option key={ch} value={ch}>
                        {CHANNEL_LABELS[ch]}
                      </option>
                    ))}
                    {r.channel && !(CHANNELS as readonly string[]).includes(r.channel) && (
                      <option value={r.channel}>{r.channel}</option>
                    )}
                  </select>
                )}
              </Field>
            </div>
          </fieldset>
        );
      })}
    </>
  );
}
