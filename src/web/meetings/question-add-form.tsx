import { type FormEvent, useState } from 'react';
import { QUESTION_TOPIC_LABELS, QUESTION_TOPICS, type QuestionTopic } from '../../domain/question-bank.js';
import { searchableReason } from '../../domain/searchable.js';
import { CONVERSATION_TYPE_LABELS, CONVERSATION_TYPES, type ConversationType } from '../../domain/vocab.js';
import { api, call, describeError, type Problem } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import type { Question } from './preparation-api.js';
import { SearchableFlag } from './searchable-flag.js';

/** Adds the user's own question to the bank, flagging one a web search would answer as it is typed. */
export function QuestionAddForm({ onAdded }: { onAdded: (q: Question) => void }) {
  const [text, setText] = useState('');
  const [topic, setTopic] = useState<QuestionTopic>('advice');
  const [goals, setGoals] = useState<ConversationType[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const flag = text.trim().length >= 5 ? searchableReason(text) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const q = await call(api.preparation.questions.$post({ json: { text, topic, goals } }));
      setText('');
      setGoals([]);
      onAdded(q);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  const errors = problem?.fieldErrors ?? {};
  return (
    <form className="form" onSubmit={submit} noValidate>
      {problem && !errors.text && <Alert>{problem.message}</Alert>}
      <Field label="Your question" required error={errors.text}>
        {(c) => (
          <textarea {...c} rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <div aria-live="polite">{flag && <SearchableFlag reason={flag} />}</div>
      <Field label="Topic" error={errors.topic}>
        {(c) => (
          <select {...c} value={topic} onChange={(e) => setTopic(e.target.value as QuestionTopic)}>
            {QUESTION_TOPICS.map((t) => (
              <option key={t} value={t}>
                {QUESTION_TOPIC_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="goal-checks">
        <legend>Good for</legend>
        {CONVERSATION_TYPES.map((g) => (
          <label key={g} className="check">
            <input
              type="checkbox"
              checked={goals.includes(g)}
              onChange={(e) => setGoals(e.target.checked ? [...goals, g] : goals.filter((x) => x !== g))}
            />
            <span>{CONVERSATION_TYPE_LABELS[g]}</span>
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add question'}
        </button>
      </div>
    </form>
  );
}
