import type { ReactNode } from 'react';
import { INSIGHT_TOPIC_LABELS, INSIGHT_TOPICS, type InsightTopic } from '../../domain/insights.js';
import { type ControlProps, Field } from '../ui/field.js';
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
} from './debrief-form-values.js';
import { ReferralMatch } from './referral-match.js';

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

/** The row's fields that hold free text, as inputs do. */
type TextField<T> = { [K in keyof T]-?: string extends T[K] ? K : never }[keyof T];

interface RowTools<T> {
  /** Changes some of the row's fields. */
  set: (patch: Partial<T>) => void;
  /** The server's message for one of the row's fields. */
  error: (field: string) => string | undefined;
  /** The value and change handler of an input bound to a text field. */
  text: (field: TextField<T>) => { value: string; onChange: (ev: { target: { value: string } }) => void };
}

interface RowListProps<T> extends Omit<RowsProps<T>, 'people'> {
  section: RowSection;
  /** Names each row, numbered: "Insight 2". */
  noun: string;
  addLabel: string;
  newRow: () => T;
  /** The inputs of one row. */
  children: (row: T, tools: RowTools<T>) => ReactNode;
}

/** The rows of one section, each removable, with a button that adds one more. */
function RowList<T extends { key: string }>(props: RowListProps<T>) {
  const { rows, onChange } = props;
  return (
    <>
      {rows.map((r, n) => {
        const set = (patch: Partial<T>) => onChange(patchRow(rows, r.key, patch));
        return (
          <Row
            key={r.key}
            legend={`${props.noun} ${n + 1}`}
            onRemove={() => onChange(rows.filter((x) => x.key !== r.key))}
          >
            {props.children(r, {
              set,
              error: (field) => rowError(props.fieldErrors, props.sent, props.section, r.key, field),
              text: (field) => ({
                value: r[field] as string,
                onChange: (ev) => set({ [field]: ev.target.value } as Partial<T>),
              }),
            })}
          </Row>
        );
      })}
      <button type="button" className="button" onClick={() => onChange([...rows, props.newRow()])}>
        {props.addLabel}
      </button>
    </>
  );
}

/** What was learned, each filed under a topic, with the skills named and the role it is about. */
export function InsightRows({
  people,
  defaultRole,
  ...list
}: RowsProps<InsightRow> & { defaultRole: string }) {
  return (
    <RowList
      {...list}
      section="insights"
      noun="Insight"
      addLabel="Add an insight"
      newRow={() => emptyInsight(defaultRole, people[0]?.id ?? '')}
    >
      {(r, { set, error, text }) => (
        <>
          <Field label="Topic" error={error('topic')}>
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
            <Field label="Who said it" error={error('personId')}>
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
          <Field label="Role or career it is about" error={error('role')}>
            {(c) => <input {...c} {...text('role')} />}
          </Field>
          <Field label="What you learned" error={error('body')} className="span-2">
            {(c) => <textarea {...c} rows={3} {...text('body')} />}
          </Field>
          <Field
            label="Skills they mentioned"
            error={error('skills')}
            hint="Separate with commas. They add up across people on the role's page."
            className="span-2"
          >
            {(c) => <input {...c} {...text('skills')} />}
          </Field>
        </>
      )}
    </RowList>
  );
}

/**
 * People they suggested, each introduced by the participant: someone already in the contacts is
 * offered as they type and linked, otherwise a new contact is added.
 */
export function ReferralRows({ people, ...list }: RowsProps<ReferralRow>) {
  return (
    <RowList
      {...list}
      section="referrals"
      noun="Referral"
      addLabel="Add a referral"
      newRow={() => emptyReferral(people[0]?.id ?? '')}
    >
      {(r, { set, error, text }) => (
        <>
          <Field label="Name" required error={error('fullName')}>
            {(c) => <input {...c} {...text('fullName')} />}
          </Field>
          <Field label="Referred by" error={error('byPersonId')}>
            {(c) => (
              <PeopleSelect
                {...c}
                people={people}
                value={r.byPersonId}
                onChange={(v) => set({ byPersonId: v })}
              />
            )}
          </Field>
          <Field label="Their title" error={error('title')}>
            {(c) => <input {...c} {...text('title')} />}
          </Field>
          <Field label="Their organization" error={error('organizationName')}>
            {(c) => <input {...c} {...text('organizationName')} />}
          </Field>
          <Field label="E-mail" error={error('email')}>
            {(c) => <input {...c} type="email" {...text('email')} />}
          </Field>
          <Field label="Profile URL" error={error('linkedinUrl')} hint="Their LinkedIn page, for example.">
            {(c) => <input {...c} type="url" {...text('linkedinUrl')} />}
          </Field>
          {error('personId') && (
            <p className="field-error span-2" role="alert">
              The person to link: {error('personId')}
            </p>
          )}
          <ReferralMatch row={r} set={set} />
          <Field label="Why they suggested this person" error={error('note')}>
            {(c) => <input {...c} {...text('note')} />}
          </Field>
          <label className="check span-2">
            <input
              type="checkbox"
              checked={r.suggestRequest}
              onChange={(ev) => set({ suggestRequest: ev.target.checked })}
            />
            <span>Also plan a request to them</span>
          </label>
        </>
      )}
    </RowList>
  );
}

/** What each side promised, saved as tasks with an optional due date. */
export function PromiseRows({ people, ...list }: RowsProps<PromiseRow>) {
  return (
    <RowList
      {...list}
      section="promises"
      noun="Promise"
      addLabel="Add a promise"
      newRow={() => emptyPromise(people[0]?.id ?? '')}
    >
      {(r, { set, error, text }) => (
        <>
          <Field label="Who promised" error={error('owner')}>
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
            <Field label="With" error={error('personId')}>
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
          <Field label="The promise" required error={error('title')}>
            {(c) => <input {...c} {...text('title')} />}
          </Field>
          <Field label="Due date" error={error('dueOn')}>
            {(c) => <input {...c} type="date" {...text('dueOn')} />}
          </Field>
        </>
      )}
    </RowList>
  );
}
