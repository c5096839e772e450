import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, bannerMessage, call, describeError, type Problem } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';
import type { Prep } from './preparation-api.js';

type PrepPatch = NonNullable<Parameters<(typeof api.preparation.prep)[':id']['$patch']>[0]>['json'];
type Tickable = 'researchDone' | 'confirmed' | 'documentsReady' | 'extraCopies';

/** The checklist items the user ticks; the others follow from the plan and the travel time. */
const TICKS: Record<string, Tickable> = {
  research: 'researchDone',
  confirm: 'confirmed',
  documents: 'documentsReady',
  copies: 'extraCopies',
};

interface PrepChecklistProps {
  conversationId: string;
  /** Changes whenever the meeting, the plan or the documents change, so the list loads again. */
  refreshKey: string;
}

/** What to do before the meeting, ticked off one by one, with a leave-by time for meetings in person. */
export function PrepChecklist({ conversationId, refreshKey }: PrepChecklistProps) {
  const prep = useLoad(`prep:${conversationId}:${refreshKey}`, () =>
    call(api.preparation.prep[':id'].$get({ param: { id: conversationId } })),
  );
  const [problem, setProblem] = useState<Problem | null>(null);

  const save = async (json: PrepPatch) => {
    setProblem(null);
    try {
      prep.setData(await call(api.preparation.prep[':id'].$patch({ param: { id: conversationId }, json })));
      return true;
    } catch (err) {
      setProblem(describeError(err));
      prep.reload();
      return false;
    }
  };

  const p = prep.data;
  // Ticks show at once; the server's answer (with the new count) follows.
  const tickItem = (key: string, tick: Tickable, checked: boolean) => {
    if (p) prep.setData({ ...p, items: p.items.map((i) => (i.key === key ? { ...i, done: checked } : i)) });
    void save({ [tick]: checked });
  };
  return (
    <section className="card" aria-labelledby="prep-heading">
      <h2 id="prep-heading">Getting ready</h2>
      {bannerMessage(problem, ['travelMinutes']) && (
        <Alert>{bannerMessage(problem, ['travelMinutes'])}</Alert>
      )}
      {prep.error && <Alert>{prep.error.message}</Alert>}
      {!p && prep.loading && <Loading what="Loading the checklist" />}
      {p && (
        <>
          <div className="prep-progress">
            <p aria-live="polite">
              <strong>
                {p.done} of {p.total} ready
              </strong>
              {p.status === 'ready' && ' — you are all set.'}
            </p>
            <progress max={p.total} value={p.done} aria-hidden="true" />
          </div>
          <ul className="prep-items" aria-label="Checklist">
            {p.items.map((item) => {
              const tick = TICKS[item.key];
              return (
                <li key={item.key} className={item.done ? 'prep-item prep-done' : 'prep-item'}>
                  {tick ? (
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={item.done}
                        onChange={(e) => tickItem(item.key, tick, e.target.checked)}
                      />
                      <span>{item.label}</span>
                    </label>
                  ) : (
                    <p className="prep-auto">
                      <span className="prep-mark" aria-hidden="true">
                        {item.done ? '✓' : '○'}
                      </span>
                      <span>{item.label}</span>
                      <span className="visually-hidden">{item.done ? ' (done)' : ' (not yet)'}</span>
                    </p>
                  )}
                  {item.detail && <p className="hint">{item.detail}</p>}
                  {item.key === 'questions' && !item.done && (
                    <p className="small">
                      <Link to={`/conversations/${conversationId}/plan`}>Choose questions in the plan</Link>
                    </p>
                  )}
                  {item.key === 'leave_by' && <TravelForm prep={p} onSave={save} error={problem} />}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function TravelForm({
  prep,
  onSave,
  error,
}: {
  prep: Prep;
  onSave: (json: PrepPatch) => Promise<boolean>;
  error: Problem | null;
}) {
  const stored = prep.answers.travelMinutes;
  const [minutes, setMinutes] = useState(typeof stored === 'number' ? String(stored) : '');
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (minutes.trim() === '') return;
    setSaving(true);
    await onSave({ travelMinutes: Number(minutes) });
    setSaving(false);
  };

  return (
    <form className="form-row travel-form" onSubmit={submit} noValidate>
      <Field label="Travel time (minutes)" error={error?.fieldErrors.travelMinutes}>
        {(c) => (
          <input
            {...c}
            type="number"
            min={0}
            max={600}
            inputMode="numeric"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button-small" disabled={saving}>
        {saving ? 'Saving…' : 'Save travel time'}
      </button>
    </form>
  );
}
