import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { historyText } from '../../domain/history-text.js';
import { describeError } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import {
  type Comparison,
  comparePeople,
  type FieldComparison,
  type MergeResult,
  mergePeople,
  notTheSamePerson,
  reviewLink,
  undoMerge,
} from './duplicates-api.js';
import './duplicates.css';

type Choice = 'kept' | 'merged';

function FieldChoice({
  field,
  choice,
  onChange,
  keptName,
  otherName,
}: {
  field: FieldComparison;
  choice: Choice;
  onChange: (c: Choice) => void;
  keptName: string;
  otherName: string;
}) {
  const options: [Choice, string | null, string][] = [
    ['kept', field.keptText, keptName],
    ['merged', field.otherText, otherName],
  ];
  return (
    <fieldset className="merge-field">
      <legend>{field.label}</legend>
      {options.map(([value, text, owner]) => (
        <label key={value} className="merge-option">
          <input
            type="radio"
            name={field.field}
            value={value}
            checked={choice === value}
            onChange={() => onChange(value)}
          />
          <span>{text ?? <em className="muted">empty</em>}</span>
          <span className="muted small"> ({owner})</span>
        </label>
      ))}
    </fieldset>
  );
}

function Done({ cmp, result }: { cmp: Comparison; result: MergeResult }) {
  const [undone, setUndone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const undo = async () => {
    setProblem(null);
    try {
      await undoMerge(result.mergeId);
      setUndone(true);
    } catch (err) {
      setProblem(describeError(err).message);
    }
  };
  if (undone) {
    return (
      <Notice tone="success">
        Merge undone: <Link to={`/people/${cmp.kept.id}`}>{cmp.kept.fullName}</Link> and{' '}
        <Link to={`/people/${cmp.other.id}`}>{cmp.other.fullName}</Link> are back as they were.
      </Notice>
    );
  }
  return (
    <>
      {problem && <Alert>{problem}</Alert>}
      <div role="status" className="notice notice-success merge-done">
        <span>
          Merged {result.mergedName} into <Link to={`/people/${result.keptId}`}>{result.keptName}</Link>.
          Their history is now on one page.
        </span>
        <span className="actions">
          <button type="button" className="button" onClick={() => void undo()}>
            Undo
          </button>
          <Link to="/people/duplicates" className="button button-quiet">
            More duplicates
          </Link>
        </span>
      </div>
    </>
  );
}

/** Two people side by side: pick whose value each differing field keeps, see what moves, merge. */
export function MergeReviewPage() {
  const [params] = useSearchParams();
  const keep = params.get('keep') ?? '';
  const other = params.get('other') ?? '';
  const [attempt, setAttempt] = useState(0);
  const cmp = useLoad(`compare:${keep}:${other}:${attempt}`, () => comparePeople(keep, other));
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [problem, setProblem] = useState<{ message: string; stale: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<MergeResult | null>(null);
  const [dismissed, setDismissed] = useState(false);

  const data = cmp.data;
  useEffect(() => {
    if (data) setChoices(Object.fromEntries(data.fields.map((f) => [f.field, f.defaultChoice])));
  }, [data]);

  if (!keep || !other) {
    return (
      <>
        <PageHeader
          title="Review duplicates"
          eyebrow={<Link to="/people/duplicates">Possible duplicates</Link>}
        />
        <Alert>Choose a pair to review from the list of possible duplicates.</Alert>
      </>
    );
  }

  const merge = async (c: Comparison) => {
    setProblem(null);
    setBusy(true);
    try {
      const differing = Object.fromEntries(
        c.fields.filter((f) => f.differs).map((f) => [f.field, choices[f.field]]),
      );
      setResult(
        await mergePeople({
          keptId: c.kept.id,
          mergedId: c.other.id,
          keptVersion: c.kept.version,
          mergedVersion: c.other.version,
          choices: differing,
        }),
      );
    } catch (err) {
      const p = describeError(err);
      setProblem({ message: p.message, stale: p.code === 'stale' });
    } finally {
      setBusy(false);
    }
  };

  const dismiss = async (c: Comparison) => {
    setProblem(null);
    try {
      await notTheSamePerson(c.kept.id, c.other.id);
      setDismissed(true);
    } catch (err) {
      setProblem({ message: describeError(err).message, stale: false });
    }
  };

  const differing = data?.fields.filter((f) => f.differs) ?? [];
  const moves = data ? historyText(data.counts.other) : null;
  return (
    <>
      <PageHeader
        title={data ? `${data.kept.fullName} and ${data.other.fullName}` : 'Review duplicates'}
        eyebrow={<Link to="/people/duplicates">Possible duplicates</Link>}
        subtitle="Choose which person to keep and which values they keep. The merge can be undone."
      />
      {cmp.error && <Alert>{cmp.error.message}</Alert>}
      {problem && (
        <Alert
          actions={
            problem.stale && (
              <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
                Reload latest
              </button>
            )
          }
        >
          {problem.message}
        </Alert>
      )}
      {!data && cmp.loading && <Loading what="Loading both people" />}
      {data && result && <Done cmp={data} result={result} />}
      {data && dismissed && (
        <Notice tone="success">
          Noted: {data.kept.fullName} and {data.other.fullName} are not the same person. They will not be
          proposed again. <Link to="/people/duplicates">Back to possible duplicates</Link>
        </Notice>
      )}
      {data && !result && !dismissed && (
        <form
          className="merge-review"
          onSubmit={(e) => {
            e.preventDefault();
            void merge(data);
          }}
        >
          {data.reasons.length > 0 && (
            <p className="muted">Why they look alike: {data.reasons.join('; ')}.</p>
          )}
          <div className="merge-sides">
            {[
              { p: data.kept, counts: data.counts.kept, role: 'Keep' },
              { p: data.other, counts: data.counts.other, role: 'Merge into them' },
            ].map(({ p, counts, role }) => (
              <section key={p.id} className="card" aria-label={`${role}: ${p.fullName}`}>
                <div className="eyebrow">{role}</div>
                <h2>
                  <Link to={`/people/${p.id}`}>{p.fullName}</Link>
                </h2>
                <p className="muted small">
                  {historyText(counts) ?? 'No conversations, messages or notes yet'}
                </p>
              </section>
            ))}
          </div>
          <p>
            <Link to={reviewLink(data.other.id, data.kept.id)} className="button button-quiet">
              Keep {data.other.fullName} instead
            </Link>
          </p>
          {differing.length ? (
            <>
              <h2>Choose the values to keep</h2>
              {differing.map((f) => (
                <FieldChoice
                  key={f.field}
                  field={f}
                  choice={choices[f.field] ?? f.defaultChoice}
                  onChange={(c) => setChoices((all) => ({ ...all, [f.field]: c }))}
                  keptName={data.kept.fullName}
                  otherName={data.other.fullName}
                />
              ))}
            </>
          ) : (
            <p>Every field has the same value.</p>
          )}
          <p className="merge-moves">
            {moves
              ? `${moves} will move to ${data.kept.fullName}.`
              : `${data.other.fullName} has no history to move.`}{' '}
            Notes, tags, past organizations and introductions of both are kept; {data.other.fullName} is then
            removed.
          </p>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Merging…' : `Merge into ${data.kept.fullName}`}
            </button>
            <button type="button" className="button button-quiet" onClick={() => void dismiss(data)}>
              Not the same person
            </button>
          </div>
        </form>
      )}
    </>
  );
}
