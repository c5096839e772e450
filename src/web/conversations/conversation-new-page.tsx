import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CONVERSATION_TYPE_LABELS, CONVERSATION_TYPES, type ConversationType } from '../../domain/vocab.js';
import { api, call, describeError, type Person, type Problem } from '../api.js';
import { GoalsEditor } from '../meetings/goals-editor.js';
import { PersonPicker, type PickedPerson } from '../people/person-picker.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { Loading } from '../ui/loading.js';
import { sameValues } from '../ui/local-draft.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { useUnsavedChanges } from '../ui/use-unsaved-changes.js';

/** Plans a new conversation; `?personId=` starts with that person chosen. */
export function ConversationNewPage() {
  const [params] = useSearchParams();
  const personId = params.get('personId');
  const person = useLoad(`new-conversation-person:${personId ?? ''}`, () =>
    personId ? call(api.people[':id'].$get({ param: { id: personId } })) : Promise.resolve(null),
  );
  if (person.loading && person.data === undefined) return <Loading />;
  return <ConversationForm key={personId ?? ''} person={person.data ?? null} />;
}

function ConversationForm({ person }: { person: Person | null }) {
  const navigate = useNavigate();
  const orgs = useLoad('organizations-for-conversation', () =>
    call(api.organizations.$get({ query: { limit: '500' } })),
  );
  const [participants, setParticipants] = useState<PickedPerson[]>(
    person ? [{ id: person.id, fullName: person.fullName }] : [],
  );
  const [type, setType] = useState<ConversationType>(
    person?.organizationId ? 'learn_company' : 'explore_career',
  );
  const [goals, setGoals] = useState<string[]>(['']);
  const [title, setTitle] = useState('');
  const [role, setRole] = useState('');
  const [reachedVia, setReachedVia] = useState(
    person?.introducedBy ? `Introduced by ${person.introducedBy.fullName}` : '',
  );
  const [organizationId, setOrganizationId] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = problem?.fieldErrors ?? {};
  const typed = { participants, type, goals, title, role, reachedVia, organizationId };
  const [opened] = useState(typed);
  const unsaved = useUnsavedChanges(!sameValues(typed, opened));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const created = await call(
        api.conversations.$post({
          json: {
            type,
            participantIds: participants.map((p) => p.id),
            goals: goals.map((g) => g.trim()).filter(Boolean),
            title: title.trim() || undefined,
            role: role.trim() || null,
            reachedVia: reachedVia.trim() || null,
            organizationId: organizationId || undefined,
          },
        }),
      );
      unsaved.release();
      navigate(`/conversations/${created.id}`);
    } catch (err) {
      setProblem(describeError(err));
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Plan a conversation"
        eyebrow={<Link to="/conversations">← Conversations</Link>}
        subtitle="Twenty to thirty minutes to learn how someone works — never a request for a job."
      />
      {problem && (
        <Alert>
          {Object.keys(errors).length > 0
            ? 'Some fields need attention; see the messages next to them.'
            : problem.message}
        </Alert>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <PersonPicker selected={participants} onChange={setParticipants} error={errors.participantIds} />
        <div className="form-grid">
          <Field label="Type" error={errors.type}>
            {(c) => (
              <select {...c} value={type} onChange={(e) => setType(e.target.value as ConversationType)}>
                {CONVERSATION_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {CONVERSATION_TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Organization" error={errors.organizationId}>
            {(c) => (
              <select {...c} value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
                <option value="">Where the first person works</option>
                {orgs.data?.items.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <GoalsEditor goals={goals} onChange={setGoals} error={errors.goals} />
        <div className="form-grid">
          <Field
            label="Title"
            error={errors.title}
            hint="Leave it blank to name it after the type and the first person."
          >
            {(c) => <input {...c} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field label="Role you are curious about" error={errors.role}>
            {(c) => (
              <input
                {...c}
                maxLength={200}
                value={role}
                placeholder="e.g. Learning designer"
                onChange={(e) => setRole(e.target.value)}
              />
            )}
          </Field>
          <Field label="How you reached them" error={errors.reachedVia}>
            {(c) => (
              <input
                {...c}
                maxLength={200}
                value={reachedVia}
                placeholder="e.g. Alumni list, mutual friend, LinkedIn"
                onChange={(e) => setReachedVia(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save as an idea'}
          </button>
          <Link to={person ? `/people/${person.id}` : '/conversations'} className="button button-quiet">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
