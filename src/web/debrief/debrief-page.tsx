import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Conversation, call, describeError, type Person, type Problem } from '../api.js';
import { displayOrder } from '../meetings/plan-order.js';
import type { Plan } from '../meetings/preparation-api.js';
import { Alert, Notice } from '../ui/alert.js';
import { DraftOffer } from '../ui/draft-offer.js';
import { Field } from '../ui/field.js';
import { Loading } from '../ui/loading.js';
import { sameValues } from '../ui/local-draft.js';
import { PageHeader } from '../ui/page-header.js';
import { useFocusFirstInvalid } from '../ui/use-focus-invalid.js';
import { useLoad } from '../ui/use-load.js';
import { useLocalDraft } from '../ui/use-local-draft.js';
import { useUnsavedChanges } from '../ui/use-unsaved-changes.js';
import {
  type DebriefValues,
  isEmptyDebrief,
  type KeepRow,
  rowKey,
  type SentRows,
  toDebriefInput,
} from './debrief-form-values.js';
import { KeepInTouchRows } from './debrief-keep-in-touch.js';
import { InsightRows, PromiseRows, ReferralRows } from './debrief-rows.js';
import '../meetings/preparation.css';
import '../insights/knowledge.css';

interface Setup {
  conversation: Conversation;
  plan: Plan;
  people: Person[];
}

async function loadSetup(id: string): Promise<Setup> {
  const conversation = await call(api.conversations[':id'].$get({ param: { id } }));
  const [plan, people] = await Promise.all([
    call(api.preparation.plans[':id'].$get({ param: { id } })),
    Promise.all(conversation.participants.map((p) => call(api.people[':id'].$get({ param: { id: p.id } })))),
  ]);
  return { conversation, plan, people };
}

/** The guided debrief after a meeting: answers, insights, referrals, promises, keeping in touch. */
export function DebriefPage() {
  const { id = '' } = useParams();
  const setup = useLoad(`debrief:${id}`, () => loadSetup(id));
  const back = <Link to={`/conversations/${id}`}>← Conversation</Link>;
  if (setup.error) {
    return (
      <>
        <PageHeader title="Debrief not available" eyebrow={back} />
        <Alert>{setup.error.message}</Alert>
      </>
    );
  }
  if (!setup.data) return <Loading what="Loading the conversation" />;
  return (
    <>
      <PageHeader
        title={`Debrief: ${setup.data.conversation.title}`}
        eyebrow={back}
        subtitle="Write it down while it is fresh: what you learned, how it fits you, who to see next and what you promised."
      />
      <DebriefForm setup={setup.data} />
    </>
  );
}

/** The message above the form: field problems are shown at their fields, the rest here. */
function alertText(problem: Problem): string {
  if (problem.status === 0) return problem.message;
  const atFields = Object.keys(problem.fieldErrors).some((k) => /\.\d+\./.test(k));
  return atFields
    ? 'Some entries need a fix — see the messages next to the fields. Nothing was saved.'
    : `${problem.message} Nothing was saved.`;
}

type Referred = {
  personId: string;
  conversationId: string | null;
  fullName: string;
  matchedBy: string | null;
}[];

function DebriefForm({ setup }: { setup: Setup }) {
  const { conversation: c, plan, people } = setup;
  const questions = displayOrder(plan.items).filter((i) => i.section !== 'rapport');
  const [initial] = useState(() => ({
    answers: Object.fromEntries(questions.map((q) => [q.id, q.answer ?? ''])),
    keepInTouch: people.map(
      (p): KeepRow => ({
        personId: p.id,
        fullName: p.fullName,
        permission: p.keepInTouch,
        everyDays: p.keepInTouchEveryDays ? String(p.keepInTouchEveryDays) : '',
        channel: p.preferredChannel ?? '',
      }),
    ),
  }));
  const [blank] = useState<DebriefValues>(() => ({
    summary: '',
    answers: { ...initial.answers },
    insights: [],
    referrals: [],
    promises: [],
    keepInTouch: initial.keepInTouch.map((k) => ({ ...k })),
  }));
  const [values, setValues] = useState<DebriefValues>(blank);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sent, setSent] = useState<SentRows | null>(null);
  const [saving, setSaving] = useState(false);
  const [referred, setReferred] = useState<Referred | null>(null);
  useFocusFirstInvalid(problem);
  useUnsavedChanges(!referred && !sameValues(values, blank));
  const draft = useLocalDraft(`draft:debrief:${c.id}`, values, {
    baseline: blank,
    // Rows get fresh keys: the ones kept were numbered by an earlier page.
    onRestore: (kept) =>
      setValues({
        ...kept,
        insights: kept.insights.map((r) => ({ ...r, key: rowKey() })),
        referrals: kept.referrals.map((r) => ({ ...r, key: rowKey() })),
        promises: kept.promises.map((r) => ({ ...r, key: rowKey() })),
      }),
  });

  const set = <K extends keyof DebriefValues>(key: K, value: DebriefValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { input, sent: rows } = toDebriefInput(values, initial);
    setSent(rows);
    if (isEmptyDebrief(input)) {
      setProblem({
        status: 0,
        code: 'empty',
        message: 'Nothing to save yet. Write at least one answer, insight, referral, promise or a summary.',
        fieldErrors: {},
      });
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const result = await call(api.preparation.debrief[':id'].$post({ param: { id: c.id }, json: input }));
      draft.clear();
      setReferred(result.referred);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  if (referred) return <DebriefSaved conversationId={c.id} referred={referred} />;

  const errors = problem?.fieldErrors;
  const rowProps = { fieldErrors: errors, sent, people: c.participants };
  return (
    <form className="form debrief-form" onSubmit={submit} noValidate>
      <DraftOffer draft={draft} />
      {problem && <Alert>{alertText(problem)}</Alert>}
      <section className="card" aria-labelledby="answers-heading">
        <h2 id="answers-heading">Answers to your questions</h2>
        {questions.length === 0 ? (
          <p className="muted">
            There was no plan for this conversation, so there are no questions to answer.
          </p>
        ) : (
          questions.map((q) => (
            <Field key={q.id} label={q.text}>
              {(ctl) => (
                <textarea
                  {...ctl}
                  rows={2}
                  value={values.answers[q.id] ?? ''}
                  onChange={(e) => set('answers', { ...values.answers, [q.id]: e.target.value })}
                />
              )}
            </Field>
          ))
        )}
      </section>
      <section className="card" aria-labelledby="insights-heading">
        <h2 id="insights-heading">What you learned</h2>
        <p className="hint">
          File each insight under a topic; the organization's and the role's pages collect them.
        </p>
        <InsightRows
          {...rowProps}
          rows={values.insights}
          onChange={(rows) => set('insights', rows)}
          defaultRole={c.role ?? ''}
        />
      </section>
      <section className="card" aria-labelledby="referrals-heading">
        <h2 id="referrals-heading">Who they suggested you meet</h2>
        <ReferralRows {...rowProps} rows={values.referrals} onChange={(rows) => set('referrals', rows)} />
      </section>
      <section className="card" aria-labelledby="promises-heading">
        <h2 id="promises-heading">Promises</h2>
        <p className="hint">Keep every promise you made, and thank them when they keep theirs.</p>
        <PromiseRows {...rowProps} rows={values.promises} onChange={(rows) => set('promises', rows)} />
      </section>
      <section className="card" aria-labelledby="keep-heading">
        <h2 id="keep-heading">Keeping in touch</h2>
        <KeepInTouchRows
          rows={values.keepInTouch}
          onChange={(rows) => set('keepInTouch', rows)}
          fieldErrors={errors}
          sent={sent}
        />
      </section>
      <section className="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <Field label="How it went and how it fits you" error={errors?.summary}>
          {(ctl) => (
            <textarea
              {...ctl}
              rows={5}
              value={values.summary}
              onChange={(e) => set('summary', e.target.value)}
            />
          )}
        </Field>
      </section>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save the debrief'}
        </button>
        <Link to={`/conversations/${c.id}`} className="button button-quiet">
          Cancel
        </Link>
      </div>
    </form>
  );
}

function DebriefSaved({ conversationId, referred }: { conversationId: string; referred: Referred }) {
  return (
    <section className="card" aria-labelledby="saved-heading">
      <h2 id="saved-heading">Debrief saved</h2>
      <Notice tone="success">
        Everything is saved. Send each person a thank-you within a day, mentioning one thing they said.
      </Notice>
      {referred.length > 0 && (
        <>
          <h3>People to meet</h3>
          <ul className="referred-list" aria-label="People to meet">
            {referred.map((r, n) => (
              <li key={`${r.personId}-${n}`}>
                <Link to={`/people/${r.personId}`}>{r.fullName}</Link>
                {r.matchedBy && ' (already in your contacts)'}
                {r.conversationId && (
                  <>
                    {' — '}
                    <Link to={`/conversations/${r.conversationId}`}>
                      Suggested conversation with {r.fullName}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <Link to={`/conversations/${conversationId}`} className="button button-primary">
          Back to the conversation
        </Link>
      </div>
    </section>
  );
}
