import { type FormEvent, useId, useRef, useState } from 'react';
import { parseSkills } from '../../domain/insights.js';
import { CONVERSATION_TYPE_LABELS, CONVERSATION_TYPES, type ConversationType } from '../../domain/vocab.js';
import { api, type Conversation, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import type { Plan } from './preparation-api.js';

interface PlanProposeFormProps {
  conversation: Conversation;
  /** Lines in the current plan; a new proposal replaces them, so the user is asked first. */
  currentLines: number;
  onProposed: (plan: Plan) => void;
}

/** Picks the goals (and, for a possible future boss, the user's skills) and proposes an agenda. */
export function PlanProposeForm({ conversation: c, currentLines, onProposed }: PlanProposeFormProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [goals, setGoals] = useState<ConversationType[]>([c.type]);
  const [skills, setSkills] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const withSkills = c.type === 'hiring_manager';

  const toggle = (goal: ConversationType, on: boolean) =>
    setGoals((current) => (on ? [...current, goal] : current.filter((g) => g !== goal)));

  const propose = async () => {
    setBusy(true);
    setError(null);
    try {
      const mySkills = withSkills ? parseSkills(skills).slice(0, 10) : undefined;
      const plan = await call(
        api.preparation.plans[':id'].propose.$post({ param: { id: c.id }, json: { goals, mySkills } }),
      );
      dialog.current?.close();
      onProposed(plan);
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (currentLines > 0) {
      setConfirming(true);
      dialog.current?.showModal();
    } else void propose();
  };

  return (
    <form className="form plan-propose" onSubmit={submit} noValidate>
      {error && !confirming && <Alert>{error}</Alert>}
      <fieldset className="goal-checks">
        <legend>What do you want from this conversation?</legend>
        <p className="hint">
          The plan picks questions that serve these goals and fits them into the meeting, with time to warm up
          and to agree on next steps.
        </p>
        {CONVERSATION_TYPES.map((goal) => {
          const isType = goal === c.type;
          return (
            <label key={goal} className="check">
              <input
                type="checkbox"
                checked={isType || goals.includes(goal)}
                disabled={isType}
                onChange={(e) => toggle(goal, e.target.checked)}
              />
              <span>
                {CONVERSATION_TYPE_LABELS[goal]}
                {isType && <span className="muted small"> — the kind of conversation, always included</span>}
              </span>
            </label>
          );
        })}
      </fieldset>
      {withSkills && (
        <Field
          label="Your skills to match with their needs"
          hint="Optional. Separate them with commas, e.g. SQL, user interviews, onboarding design. Each gets a short line where you link one of their needs to something you have done."
        >
          {(ctl) => <input {...ctl} value={skills} onChange={(e) => setSkills(e.target.value)} />}
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Proposing…' : currentLines > 0 ? 'Propose a new plan' : 'Propose a plan'}
        </button>
      </div>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="confirm-dialog"
        onClose={() => setConfirming(false)}
      >
        <h2 id={titleId}>Replace the current plan?</h2>
        <div className="dialog-detail">
          <p>
            The {currentLines} {currentLines === 1 ? 'line' : 'lines'} you have now, with your edits and the
            questions you added, make way for a fresh proposal.
          </p>
        </div>
        {error && <Alert>{error}</Alert>}
        <div className="actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={propose}>
            {busy ? 'Proposing…' : 'Replace plan'}
          </button>
          <button type="button" className="button" autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </form>
  );
}
