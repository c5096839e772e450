import { type FormEvent, useState } from 'react';
import { planShape } from '../../domain/plan.js';
import { QUESTION_TOPIC_LABELS, QUESTION_TOPICS, type QuestionTopic } from '../../domain/question-bank.js';
import { searchableReason } from '../../domain/searchable.js';
import { CONVERSATION_TYPE_LABELS, CONVERSATION_TYPES, type ConversationType } from '../../domain/vocab.js';
import { api, bannerMessage, type Conversation, call, describeError, type Problem } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';
import { sectionLabel } from './plan-order.js';
import type { Plan, Question } from './preparation-api.js';
import { SearchableFlag } from './searchable-flag.js';

type Section = Parameters<(typeof api.preparation.plans)[':id']['items']['$post']>[0]['json']['section'];

interface PlanAddQuestionProps {
  conversation: Conversation;
  plan: Plan;
  onAdded: (plan: Plan) => void;
}

/** Adds a line to the agenda: a question from the bank (filtered by topic, goal or words) or one typed. */
export function PlanAddQuestion({ conversation: c, plan, onAdded }: PlanAddQuestionProps) {
  const bank = useLoad('question-bank', () => call(api.preparation.questions.$get({ query: {} })));
  const sections = planShape(c.type).filter((s) => s !== 'rapport');
  const middle = sections[0] ?? 'questions';
  const [section, setSection] = useState<Section>(middle);
  const [topic, setTopic] = useState<QuestionTopic | ''>('');
  const [goal, setGoal] = useState<ConversationType | ''>(c.type);
  const [words, setWords] = useState('');
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState('3');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [adding, setAdding] = useState<string | null>(null);

  const add = async (json: { questionId?: string; text?: string; minutes?: number }, key: string) => {
    setAdding(key);
    setProblem(null);
    try {
      const next = await call(
        api.preparation.plans[':id'].items.$post({ param: { id: c.id }, json: { section, ...json } }),
      );
      if (json.text !== undefined) setText('');
      onAdded(next);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setAdding(null);
    }
  };

  const addTyped = (e: FormEvent) => {
    e.preventDefault();
    void add({ text, minutes: minutes.trim() === '' ? undefined : Number(minutes) }, 'typed');
  };

  const inPlan = new Set(plan.items.map((i) => i.questionId).filter(Boolean));
  const needle = words.trim().toLowerCase();
  const matches = (bank.data ?? []).filter(
    (q: Question) =>
      (!topic || q.topic === topic) &&
      (!goal || q.goals.includes(goal)) &&
      (!needle || q.text.toLowerCase().includes(needle)),
  );
  const typedFlag = text.trim().length >= 5 ? searchableReason(text) : null;

  return (
    <section className="card" aria-labelledby="add-question-heading">
      <h2 id="add-question-heading">Add a question</h2>
      {bannerMessage(problem, ['text', 'minutes']) && (
        <Alert>{bannerMessage(problem, ['text', 'minutes'])}</Alert>
      )}
      <Field label="Add to section">
        {(ctl) => (
          <select {...ctl} value={section} onChange={(e) => setSection(e.target.value as Section)}>
            {sections.map((s) => (
              <option key={s} value={s}>
                {sectionLabel(s)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <form className="form plan-typed" onSubmit={addTyped} noValidate>
        <h3>Write your own</h3>
        <div className="form-row">
          <Field label="Your question" error={problem?.fieldErrors.text} className="grow">
            {(ctl) => (
              <input {...ctl} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
            )}
          </Field>
          <Field label="Minutes" error={problem?.fieldErrors.minutes} className="plan-minutes-field">
            {(ctl) => (
              <input
                {...ctl}
                type="number"
                min={0}
                max={60}
                inputMode="numeric"
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button" disabled={adding !== null}>
            {adding === 'typed' ? 'Adding…' : 'Add to the plan'}
          </button>
        </div>
        <div aria-live="polite">{typedFlag && <SearchableFlag reason={typedFlag} />}</div>
      </form>

      <h3>From the question bank</h3>
      <search className="form-row bank-filters">
        <Field label="Topic">
          {(ctl) => (
            <select {...ctl} value={topic} onChange={(e) => setTopic(e.target.value as QuestionTopic | '')}>
              <option value="">All topics</option>
              {QUESTION_TOPICS.map((t) => (
                <option key={t} value={t}>
                  {QUESTION_TOPIC_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Goal">
          {(ctl) => (
            <select {...ctl} value={goal} onChange={(e) => setGoal(e.target.value as ConversationType | '')}>
              <option value="">Any goal</option>
              {CONVERSATION_TYPES.map((g) => (
                <option key={g} value={g}>
                  {CONVERSATION_TYPE_LABELS[g]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Words in the question">
          {(ctl) => <input {...ctl} type="search" value={words} onChange={(e) => setWords(e.target.value)} />}
        </Field>
      </search>
      {bank.error && <Alert>{bank.error.message}</Alert>}
      {!bank.data && bank.loading && <Loading what="Loading the question bank" />}
      {bank.data && (
        <>
          <p className="muted small" aria-live="polite">
            {matches.length === 0
              ? 'No question matches these filters; try another topic or fewer words.'
              : `${matches.length} ${matches.length === 1 ? 'question' : 'questions'}`}
          </p>
          <ul className="bank-list" aria-label="Questions from the bank">
            {matches.map((q) => (
              <li key={q.id}>
                <div>
                  {q.text} <span className="tag">{QUESTION_TOPIC_LABELS[q.topic as QuestionTopic]}</span>
                  {q.searchableReason && <SearchableFlag reason={q.searchableReason} />}
                </div>
                {inPlan.has(q.id) ? (
                  <span className="muted small">In the plan</span>
                ) : (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Add: ${q.text}`}
                    disabled={adding !== null}
                    onClick={() => add({ questionId: q.id }, q.id)}
                  >
                    {adding === q.id ? 'Adding…' : 'Add'}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
