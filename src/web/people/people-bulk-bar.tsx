import type { InferRequestType } from 'hono/client';
import { type FormEvent, useState } from 'react';
import { KEEP_IN_TOUCH, type KeepInTouch } from '../../domain/vocab.js';
import { api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatCount } from '../ui/format.js';
import { KEEP_IN_TOUCH_LABELS } from '../ui/labels.js';

type Change = InferRequestType<typeof api.people.bulk.$post>['json']['change'];

const people = (n: number) => `${formatCount(n)} ${n === 1 ? 'person' : 'people'}`;

interface PeopleBulkBarProps {
  ids: string[];
  /** After a change: what happened, in words; the list reloads and the selection clears. */
  onDone: (message: string) => void;
  onClear: () => void;
}

/** What can be done to the ticked people: tag or untag them, keep in touch, delete them. */
export function PeopleBulkBar({ ids, onDone, onClear }: PeopleBulkBarProps) {
  const [tag, setTag] = useState('');
  const [keep, setKeep] = useState<KeepInTouch>('yes');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const apply = async (change: Change, done: (affected: number) => string) => {
    setBusy(true);
    setProblem(null);
    try {
      const { affected } = await call(api.people.bulk.$post({ json: { ids, change } }));
      onDone(done(affected));
      if (change.action === 'addTag' || change.action === 'removeTag') setTag('');
    } catch (err) {
      setProblem(describeError(err).message);
      throw err;
    } finally {
      setBusy(false);
    }
  };

  const tagAction = (action: 'addTag' | 'removeTag') => (e?: FormEvent) => {
    e?.preventDefault();
    const name = tag.trim();
    if (!name) return setProblem('Type the tag first.');
    void apply({ action, tag: name }, (n) =>
      action === 'addTag' ? `Tagged ${people(n)} “${name}”.` : `Removed “${name}” from ${people(n)}.`,
    ).catch(() => {});
  };

  return (
    <section className="bulk-bar" aria-label="Change the selected people">
      <p className="bulk-count">
        <strong>{people(ids.length)}</strong> selected
      </p>
      <form className="bulk-group" onSubmit={tagAction('addTag')}>
        <label htmlFor="bulk-tag">Tag</label>
        <input
          id="bulk-tag"
          className="bulk-tag-input"
          value={tag}
          maxLength={50}
          placeholder="e.g. fintech"
          onChange={(e) => setTag(e.target.value)}
        />
        <button type="submit" className="button button-small" disabled={busy}>
          Add tag
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={tagAction('removeTag')}
        >
          Remove tag
        </button>
      </form>
      <div className="bulk-group">
        <label htmlFor="bulk-keep">Keep in touch</label>
        <select
          id="bulk-keep"
          className="bulk-keep-select"
          value={keep}
          onChange={(e) => setKeep(e.target.value as KeepInTouch)}
        >
          {KEEP_IN_TOUCH.map((k) => (
            <option key={k} value={k}>
              {KEEP_IN_TOUCH_LABELS[k]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() =>
            void apply(
              { action: 'keepInTouch', keepInTouch: keep },
              (n) => `Keep in touch set to “${KEEP_IN_TOUCH_LABELS[keep]}” for ${people(n)}.`,
            ).catch(() => {})
          }
        >
          Apply
        </button>
      </div>
      <div className="bulk-group">
        <ConfirmButton
          small
          label="Delete…"
          question={`Delete ${people(ids.length)}?`}
          detail={
            <p>
              Their notes and messages go with them, and they leave the conversations they were in. This
              cannot be undone; a backup (Settings → Backup and restore) keeps a copy.
            </p>
          }
          confirmLabel={`Delete ${people(ids.length)}`}
          onConfirm={() => apply({ action: 'delete' }, (n) => `Deleted ${people(n)}.`)}
        />
        <button type="button" className="button button-quiet button-small" onClick={onClear}>
          Clear selection
        </button>
      </div>
      {problem && <Alert>{problem}</Alert>}
    </section>
  );
}
