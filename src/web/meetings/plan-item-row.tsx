import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { api, call, describeError, type Problem } from '../api.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { Field } from '../ui/field.js';
import type { Plan, PlanItem } from './preparation-api.js';
import { SearchableFlag } from './searchable-flag.js';

interface PlanItemRowProps {
  item: PlanItem;
  canMoveUp: boolean;
  canMoveDown: boolean;
  busy: boolean;
  onMove: (item: PlanItem, step: -1 | 1) => void;
  onChanged: (plan: Plan) => void;
  /** Registers the move buttons, so focus can follow the item after it moved. */
  buttonRef: (key: string, el: HTMLButtonElement | null) => void;
}

/** One line of the agenda: its minutes and wording, editable in place, with buttons to move it. */
export function PlanItemRow({
  item,
  canMoveUp,
  canMoveDown,
  busy,
  onMove,
  onChanged,
  buttonRef,
}: PlanItemRowProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const [minutes, setMinutes] = useState(String(item.minutes));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  // Back from editing, the keyboard returns to the Edit button it left from.
  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const stopEditing = () => {
    refocus.current = true;
    setEditing(false);
  };

  const startEditing = () => {
    setText(item.text);
    setMinutes(String(item.minutes));
    setProblem(null);
    setEditing(true);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const plan = await call(
        api.preparation['plan-items'][':id'].$patch({
          param: { id: item.id },
          json: { text, minutes: minutes.trim() === '' ? undefined : Number(minutes) },
        }),
      );
      stopEditing();
      onChanged(plan);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  const cancelOnEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      stopEditing();
    }
  };

  if (editing) {
    return (
      <li className="plan-item plan-item-editing">
        <form className="plan-item-form" onSubmit={save} onKeyDown={cancelOnEscape} noValidate>
          {problem && !problem.fieldErrors.text && !problem.fieldErrors.minutes && (
            <Alert>{problem.message}</Alert>
          )}
          <Field label="Wording" error={problem?.fieldErrors.text}>
            {(c) => (
              <textarea
                {...c}
                rows={2}
                maxLength={500}
                value={text}
                autoFocus
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
          <Field label="Minutes" error={problem?.fieldErrors.minutes} className="plan-minutes-field">
            {(c) => (
              <input
                {...c}
                type="number"
                min={0}
                max={60}
                inputMode="numeric"
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-primary button-small" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="button button-quiet button-small" onClick={stopEditing}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className="plan-item">
      <span className="plan-item-minutes">{item.minutes} min</span>
      <div className="plan-item-body">
        <p className="plan-item-text">{item.text}</p>
        {item.searchableReason && <SearchableFlag reason={item.searchableReason} />}
        {item.answer && (
          <p className="plan-item-answer small">
            <span className="muted">Their answer:</span> {item.answer}
          </p>
        )}
      </div>
      <div className="plan-item-actions">
        <button
          type="button"
          className="button button-small button-icon"
          ref={(el) => buttonRef(`${item.id}:up`, el)}
          disabled={!canMoveUp || busy}
          onClick={() => onMove(item, -1)}
          title="Move up"
        >
          <span aria-hidden="true">↑</span>
          <span className="visually-hidden">Move up</span>
        </button>
        <button
          type="button"
          className="button button-small button-icon"
          ref={(el) => buttonRef(`${item.id}:down`, el)}
          disabled={!canMoveDown || busy}
          onClick={() => onMove(item, 1)}
          title="Move down"
        >
          <span aria-hidden="true">↓</span>
          <span className="visually-hidden">Move down</span>
        </button>
        <button type="button" className="button button-small" ref={editButton} onClick={startEditing}>
          Edit
        </button>
        <ConfirmButton
          small
          label="Remove"
          question="Remove this line from the plan?"
          detail={<p>“{item.text}”</p>}
          confirmLabel="Remove line"
          busyLabel="Removing…"
          onConfirm={async () => {
            onChanged(await call(api.preparation['plan-items'][':id'].$delete({ param: { id: item.id } })));
          }}
        />
      </div>
    </li>
  );
}
