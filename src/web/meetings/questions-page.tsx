import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QUESTION_TOPIC_LABELS, QUESTION_TOPICS, type QuestionTopic } from '../../domain/question-bank.js';
import { CONVERSATION_TYPE_LABELS, CONVERSATION_TYPES, type ConversationType } from '../../domain/vocab.js';
import { api, call, describeError } from '../api.js';
import { ExportCsvLink } from '../exports/export-csv-link.js';
import { Alert, Notice } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import type { Question } from './preparation-api.js';
import { QuestionAddForm } from './question-add-form.js';
import { SearchableFlag } from './searchable-flag.js';
import './preparation.css';
import '../insights/knowledge.css';

const goalLabel = (g: string) => CONVERSATION_TYPE_LABELS[g as ConversationType] ?? g;

/** The question bank by topic: filter by goal, add your own, retire what you never ask. */
export function QuestionsPage() {
  const [params] = useSearchParams();
  const focus = params.get('focus');
  const bank = useLoad('questions-all', () =>
    call(api.preparation.questions.$get({ query: { includeRetired: 'true' } })),
  );
  const [goal, setGoal] = useState<ConversationType | ''>('');
  const [words, setWords] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<Question | null>(null);

  // A link from search points at one question: bring it into view once the bank is on screen.
  useEffect(() => {
    if (!focus || !bank.data) return;
    const el = document.getElementById(`question-${focus}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [focus, bank.data]);

  const setRetired = async (q: Question, retired: boolean) => {
    setError(null);
    try {
      const saved = await call(
        api.preparation.questions[':id'].$patch({
          param: { id: q.id },
          json: { retired, version: q.version },
        }),
      );
      bank.setData((bank.data ?? []).map((x) => (x.id === saved.id ? saved : x)));
    } catch (err) {
      setError(describeError(err).message);
      bank.reload();
    }
  };

  const needle = words.trim().toLowerCase();
  const shown = (bank.data ?? []).filter(
    (q) =>
      (showRetired || !q.retiredAt || q.id === focus) &&
      (!goal || q.goals.includes(goal)) &&
      (!needle || q.text.toLowerCase().includes(needle)),
  );
  const groups = QUESTION_TOPICS.map((topic) => ({
    topic,
    questions: shown.filter((q) => q.topic === topic),
  })).filter((g) => g.questions.length > 0);

  return (
    <>
      <PageHeader
        title="Question bank"
        subtitle="Questions only a person can answer, by topic. Plans draw on them by goal."
        actions={
          <>
            <ExportCsvLink list="questions" />
            <Link to="/roles" className="button">
              What you learned about roles
            </Link>
          </>
        }
      />
      <div className="columns">
        <div className="column-main">
          <search className="form-row bank-filters" aria-label="Filter questions">
            <Field label="Goal">
              {(c) => (
                <select
                  {...c}
                  value={goal}
                  onChange={(e) => setGoal(e.target.value as ConversationType | '')}
                >
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
              {(c) => <input {...c} type="search" value={words} onChange={(e) => setWords(e.target.value)} />}
            </Field>
            <label className="check">
              <input
                type="checkbox"
                checked={showRetired}
                onChange={(e) => setShowRetired(e.target.checked)}
              />
              <span>Show retired questions</span>
            </label>
          </search>
          {error && <Alert>{error}</Alert>}
          {bank.error && <Alert>{bank.error.message}</Alert>}
          {!bank.data && bank.loading && <Loading what="Loading the question bank" />}
          {bank.data && groups.length === 0 && (
            <p className="muted">No question matches. Choose another goal or fewer words.</p>
          )}
          {groups.map((g) => (
            <section key={g.topic} className="card" aria-labelledby={`topic-${g.topic}`}>
              <h2 id={`topic-${g.topic}`}>
                {QUESTION_TOPIC_LABELS[g.topic as QuestionTopic]}{' '}
                <span className="muted small">{g.questions.length}</span>
              </h2>
              <ul className="question-list">
                {g.questions.map((q) => (
                  <QuestionItem key={q.id} question={q} focused={q.id === focus} onRetire={setRetired} />
                ))}
              </ul>
            </section>
          ))}
        </div>
        <div className="column-side">
          <section className="card" aria-labelledby="add-heading">
            <h2 id="add-heading">Add your own</h2>
            {added && (
              <Notice tone={added.searchableReason ? 'warning' : 'success'}>
                Added to {QUESTION_TOPIC_LABELS[added.topic as QuestionTopic]}.
                {added.searchableReason && ' It is flagged: a web search would answer it.'}
              </Notice>
            )}
            <QuestionAddForm
              onAdded={(q) => {
                setAdded(q);
                bank.setData([...(bank.data ?? []), q]);
              }}
            />
          </section>
        </div>
      </div>
    </>
  );
}

function QuestionItem({
  question: q,
  focused,
  onRetire,
}: {
  question: Question;
  focused: boolean;
  onRetire: (q: Question, retired: boolean) => void;
}) {
  return (
    <li
      id={`question-${q.id}`}
      tabIndex={focused ? -1 : undefined}
      className={['question', q.retiredAt ? 'question-retired' : '', focused ? 'question-focused' : '']
        .filter(Boolean)
        .join(' ')}
    >
      <div className="question-body">
        <p className="question-text">{q.text}</p>
        <p className="small">
          {!q.builtIn && <span className="tag tag-accent">Yours</span>}
          {q.retiredAt && <span className="tag">Retired</span>}
          {q.goals.map((g) => (
            <span key={g} className="tag">
              {goalLabel(g)}
            </span>
          ))}
        </p>
        {q.searchableReason && <SearchableFlag reason={q.searchableReason} />}
      </div>
      <button
        type="button"
        className="button button-small"
        aria-label={`${q.retiredAt ? 'Restore' : 'Retire'}: ${q.text}`}
        onClick={() => onRetire(q, !q.retiredAt)}
      >
        {q.retiredAt ? 'Restore' : 'Retire'}
      </button>
    </li>
  );
}
