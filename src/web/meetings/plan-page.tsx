import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { PlanAddQuestion } from './plan-add-question.js';
import { PlanAgenda, PlanTiming } from './plan-agenda.js';
import { displayOrder, isInDisplayOrder } from './plan-order.js';
import { PlanProposeForm } from './plan-propose-form.js';
import type { Plan } from './preparation-api.js';
import './preparation.css';

/** The timed agenda of one conversation: propose it from goals, then reorder, edit and add. */
export function PlanPage() {
  const { id = '' } = useParams();
  const conv = useLoad(`conversation:${id}`, () => call(api.conversations[':id'].$get({ param: { id } })));
  const plan = useLoad(`plan:${id}`, () => call(api.preparation.plans[':id'].$get({ param: { id } })));
  const [error, setError] = useState<string | null>(null);

  const back = <Link to={`/conversations/${id}`}>← Conversation</Link>;
  const failed = conv.error ?? (plan.data ? null : plan.error);
  if (failed) {
    return (
      <>
        <PageHeader title="Plan not available" eyebrow={back} />
        <Alert>{failed.message}</Alert>
      </>
    );
  }
  const c = conv.data;
  const p = plan.data;
  if (!c || !p) return <Loading what="Loading the plan" />;

  /** A question added later goes to the end of its section; store that order too. */
  const changed = async (next: Plan) => {
    plan.setData(next);
    setError(null);
    if (isInDisplayOrder(next.items)) return;
    try {
      const itemIds = displayOrder(next.items).map((i) => i.id);
      plan.setData(await call(api.preparation.plans[':id'].order.$put({ param: { id }, json: { itemIds } })));
    } catch (err) {
      setError(describeError(err).message);
    }
  };

  return (
    <>
      <PageHeader
        title={`Plan: ${c.title}`}
        eyebrow={back}
        subtitle={
          c.meeting
            ? `A ${c.meeting.durationMinutes}-minute meeting.`
            : 'No meeting yet, so the plan assumes 30 minutes — the length to ask for.'
        }
        actions={
          <Link to={`/conversations/${id}/brief`} className="button">
            Open the brief
          </Link>
        }
      />
      <div className="columns">
        <div className="column-main">
          <section className="card" aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">Agenda</h2>
            {error && <Alert>{error}</Alert>}
            {p.items.length === 0 ? (
              <EmptyState title="No plan yet">
                <p>
                  Choose your goals and propose a plan: a short warm-up, the questions that serve your goals,
                  and time at the end to ask who else to talk to.
                </p>
              </EmptyState>
            ) : (
              <>
                <PlanTiming plan={p} />
                <PlanAgenda conversationId={id} plan={p} onChanged={changed} />
              </>
            )}
          </section>
          <PlanAddQuestion conversation={c} plan={p} onAdded={changed} />
        </div>
        <div className="column-side">
          <section className="card" aria-labelledby="goals-heading">
            <h2 id="goals-heading">Propose a plan</h2>
            <PlanProposeForm conversation={c} currentLines={p.items.length} onProposed={changed} />
          </section>
        </div>
      </div>
    </>
  );
}
