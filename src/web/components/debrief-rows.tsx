import type { ReactNode } from 'react';
import { INSIGHT_TOPIC_LABELS, INSIGHT_TOPICS, type InsightTopic } from '../../domain/insights.js';
import {
  emptyInsight,
  emptyPromise,
  emptyReferral,
  type InsightRow,
  type PromiseRow,
  type ReferralRow,
  type RowSection,
  rowError,
  type SentRows,
} from '../debrief-form-values.js';
import { type ControlProps, Field } from './field.js';

type Person = { id: string; fullName: string };

interface RowsProps<T> {
  rows: T[];
  onChange: (rows: T[]) => void;
  fieldErrors: Record<string, string> | undefined;
  sent: SentRows | null;
  people: Person[];
}

function patchRow<T extends { key: string }>(rows: T[], key: string, patch: Partial<T>): T[] {
  return rows.map((r) => (r.key === key ? { ...r, ...patch } : r));
}

/** One repeatable group of inputs, named "Insight 2" for screen readers and tests alike. */
function Row({ legend, onRemove, children }: { legend: string; onRemove: () => void; children: ReactNode }) {
  return (
    <fieldset className="debrief-row">
      <legend>{legend}</legend>
      <div className="form-grid">{children}</div>
      <button type="button" className="button button-quiet button-small" onClick={onRemove}>
        Remove {legend.toLowerCase()}
      </button>
    </fieldset>
  );
}

function PeopleSelect({
  people,
  value,
  onChange,
  ...control
}: ControlProps & { people: Person[]; value: string; onChange: (v: string) => void }) {
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.fullName}
        </option>
      ))}
    </select>
  );
}

const err =
  (
    props: { fieldErrors: Record<string, string> | undefined; sent: SentRows | null },
    section: RowSection,
    key: string,
  ) =>
  (field: string) =>
    rowError(props.fieldErrors, props.sent, section, key, field);

/** What was learned, each filed under a topic, with the skills named and the role it is about. */
export function InsightRows(props: RowsProps<InsightRow> & { defaultRole: string }) {
  const { rows, onChange, people } = props;
  return (
    <>
      {rows.map((r, n) => {
        const e = err(props, 'insights', r.key);
        const set = (patch: Partial<InsightRow>) => onChange(patchRow(rows, r.key, patch));
        return (
          <Row
            key={r.key}
            legend={`Insight ${n + 1}`}
            onRemove={() => onChange(rows.filter((x) => x.key !== r.key))}
          >
            <Field label="Topic" error={e('topic')}>
              {(c) => (
                <select
                  {...c}
                  value={r.topic}
                  onChange={(ev) => set({ topic: ev.target.value as InsightTopic })}
                >
                  {INSIGHT_TOPICS.map((t) => (
                    <option key={t} value={t}>
                      {INSIGHT_TOPIC_LABELS[t]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {people.length > 1 && (
              <Field label="Who said it" error={e('personId')}>
                {(c) => (
                  <PeopleSelect
                    {...c}
                    people={people}
                    value={r.personId}
                    onChange={(v) => set({ personId: v })}
                  />
                )}
              </Field>
            )}
            <Field label="Role or career it is about" error={e('role')}>
              {(c) => <input {...c} value={r.role} onChange={(ev) => set({ role: ev.target.value })} />}
            </Field>
            <Field label="What you learned" error={e('body')} className="span-2">
              {(c) => (
                <textarea {...c} rows={3} value={r.body} onChange={(ev) => set({ body: ev.target.value })} />
              )}
            </Field>
            <Field
              label="Skills they mentioned"
              error={e('skills')}
              hint="Separate with commas. They add up across people on the role's page."
              className="span-2"
            >
              {(c) => <input {...c} value={r.skills} onChange={(ev) => set({ skills: ev.target.value })} />}
            </Field>
          </Row>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, emptyInsight(props.defaultRole, people[0]?.id ?? '')])}
      >
        Add an insight
      </button>
    </>
  );
}

/** People they suggested, each becoming a new contact introduced by the participant. */
export function ReferralRows(props: RowsProps<ReferralRow>) {
  const { rows, onChange, people } = props;
  return (
    <>
      {rows.map((r, n) => {
        const e = err(props, 'referrals', r.key);
        const set = (patch: Partial<ReferralRow>) => onChange(patchRow(rows, r.key, patch));
        return (
          <Row
            key={r.key}
            legend={`Referral ${n + 1}`}
            onRemove={() => onChange(rows.filter((x) => x.key !== r.key))}
          >
            <Field label="Name" required error={e('fullName')}>
              {(c) => (
                <input {...c} value={r.fullName} onChange={(ev) => set({ fullName: ev.target.value })} />
              )}
            </Field>
            <Field label="Referred by" error={e('byPersonId')}>
              {(c) => (
                <PeopleSelect
                  {...c}
                  people={people}
                  value={r.byPersonId}
                  onChange={(v) => set({ byPersonId: v })}
                />
              )}
            </Field>
            <Field label="Their title" error={e('title')}>
              {(c) => <input {...c} value={r.title} onChange={(ev) => set({ title: ev.target.value })} />}
            </Field>
            <Field label="Their organization" error={e('organizationName')}>
              {(c) => (
                <input
                  {...c}
                  value={r.organizationName}
                  onChange={(ev) => set({ organizationName: ev.target.value })}
                />
              )}
            </Field>
            <Field label="E-mail" error={e('email')}>
              {(c) => (
                <input
                  {...c}
                  type="email"
                  value={r.email}
                  onChange={(ev) => set({ email: ev.target.value })}
                />
              )}
            </Field>
            <Field label="Why they suggested this person" error={e('note')}>
              {(c) => <input {...c} value={r.note} onChange={(ev) => set({ note: ev.target.value })} />}
            </Field>
            <label className="check span-2">
              <input
                type="checkbox"
                checked={r.suggestRequest}
                onChange={(ev) => set({ suggestRequest: ev.target.checked })}
              />
              <span>Also plan a request to them</span>
            </label>
          </Row>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, emptyReferral(people[0]?.id ?? '')])}
      >
        Add a referral
      </button>
    </>
  );
}

/** What each side promised, saved as tasks with an optional due date. */
export function PromiseRows(props: RowsProps<PromiseRow>) {
  const { rows, onChange, people } = props;
  return (
    <>
      {rows.map((r, n) => {
        const e = err(props, 'promises', r.key);
        const set = (patch: Partial<PromiseRow>) => onChange(patchRow(rows, r.key, patch));
        return (
          <Row
            key={r.key}
            legend={`Promise ${n + 1}`}
            onRemove={() => onChange(rows.filter((x) => x.key !== r.key))}
          >
            <Field label="Who promised" error={e('owner')}>
              {(c) => (
                <select
                  {...c}
                  value={r.owner}
                  onChange={(ev) => set({ owner: ev.target.value as PromiseRow['owner'] })}
                >
                  <option value="mine">I did</option>
                  <option value="theirs">They did</option>
                </select>
              )}
            </Field>
            {people.length > 1 && (
              <Field label="With" error={e('personId')}>
                {(c) => (
                  <PeopleSelect
                    {...c}
                    people={people}
                    value={r.personId}
                    onChange={(v) => set({ personId: v })}
                  />
                )}
              </Field>
            )}
            <Field label="The promise" required error={e('title')}>
              {(c) => <input {...c} value={r.title} onChange={(ev) => set({ title: ev.target.value })} />}
            </Field>
            <Field label="Due date" error={e('dueOn')}>
              {(c) => (
                <input
                  {...c}
                  type="date"
                  value={r.dueOn}
                  onChange={(ev) => set({ dueOn: ev.target.value })}
                />
              )}
            </Field>
          </Row>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, emptyPromise(people[0]?.id ?? '')])}
      >
        Add a promise
      </button>
    </>
  );
}
