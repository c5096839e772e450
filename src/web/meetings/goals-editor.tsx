import { useId } from 'react';

interface GoalsEditorProps {
  goals: string[];
  onChange: (goals: string[]) => void;
  error?: string | undefined;
}

/** A short list of what you want to learn, one goal per line. */
export function GoalsEditor({ goals, onChange, error }: GoalsEditorProps) {
  const baseId = useId();
  const set = (i: number, text: string) => onChange(goals.map((g, j) => (j === i ? text : g)));
  const remove = (i: number) => onChange(goals.filter((_, j) => j !== i));
  return (
    <fieldset className={`goals-editor${error ? ' field-invalid' : ''}`}>
      <legend>What you want to learn</legend>
      <p className="hint">A few concrete goals keep the conversation short and useful.</p>
      <ol className="goals-inputs">
        {goals.map((g, i) => (
          <li key={i}>
            <label className="visually-hidden" htmlFor={`${baseId}-${i}`}>
              Goal {i + 1}
            </label>
            <input
              id={`${baseId}-${i}`}
              maxLength={500}
              value={g}
              placeholder={i === 0 ? 'e.g. What does a typical week look like?' : ''}
              onChange={(e) => set(i, e.target.value)}
            />
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label={`Remove goal ${i + 1}`}
              onClick={() => remove(i)}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      {error && <p className="field-error">{error}</p>}
      <button type="button" className="button button-small" onClick={() => onChange([...goals, ''])}>
        Add a goal
      </button>
    </fieldset>
  );
}
