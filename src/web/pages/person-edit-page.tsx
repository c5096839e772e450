import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call, describeError, type Person, type Problem } from '../api.js';
import { Alert } from '../components/alert.js';
import { Loading } from '../components/loading.js';
import { PageHeader } from '../components/page-header.js';
import { PersonForm } from '../components/person-form.js';
import { StaleNotice } from '../components/stale-notice.js';
import { NEW_ORGANIZATION, resolveOrganizationChoice } from '../organization-choice.js';
import { EMPTY_PERSON, type PersonFormValues, personToValues, valuesToInput } from '../person-form-values.js';
import { useFocusFirstInvalid } from '../use-focus-invalid.js';
import { useLoad } from '../use-load.js';

function loadChoices() {
  return Promise.all([
    call(api.organizations.$get({ query: { limit: '500' } })),
    call(api.people.$get({ query: { limit: '500' } })),
  ]).then(([orgs, people]) => ({ organizations: orgs.items, people: people.items }));
}

/** Adds a person (`/people/new`) or edits one (`/people/:id/edit`). */
export function PersonEditPage() {
  const { id } = useParams();
  const person = useLoad(`person:${id ?? 'new'}`, () =>
    id ? call(api.people[':id'].$get({ param: { id } })) : Promise.resolve(null),
  );
  const title = id ? `Edit ${person.data?.fullName ?? 'person'}` : 'Add a person';
  if (person.error) {
    return (
      <>
        <PageHeader title={title} />
        <Alert>{person.error.message}</Alert>
      </>
    );
  }
  if (person.data === undefined) return <Loading />;
  return <PersonEditor key={person.data?.id ?? 'new'} person={person.data} title={title} />;
}

function PersonEditor({ person, title }: { person: Person | null; title: string }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const choices = useLoad('person-form-choices', loadChoices);
  const [values, setValues] = useState<PersonFormValues>(() =>
    person
      ? personToValues(person)
      : { ...EMPTY_PERSON, organizationChoice: params.get('organizationId') ?? '' },
  );
  const [version, setVersion] = useState(person?.version);
  const [problem, setProblem] = useState<Problem | null>(null);
  useFocusFirstInvalid(problem);
  const [stale, setStale] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (overwrite = false) => {
    setSaving(true);
    setProblem(null);
    try {
      let baseVersion = version;
      if (overwrite && person) {
        baseVersion = (await call(api.people[':id'].$get({ param: { id: person.id } }))).version;
        setVersion(baseVersion);
      }
      const organizationId = await resolveOrganizationChoice(
        values.organizationChoice,
        values.newOrganizationName,
      );
      if (values.organizationChoice === NEW_ORGANIZATION && organizationId) {
        // The organization exists now: a second attempt must not try to create it again.
        setValues((v) => ({ ...v, organizationChoice: organizationId, newOrganizationName: '' }));
        choices.reload();
      }
      const input = valuesToInput(values, organizationId);
      // Sending the same introducer again would set that introduction back to "made" and drop the
      // other introducers recorded on the person's page, so it only goes when it changed.
      if (person && values.introducedById === (person.introducedBy?.id ?? '')) delete input.introducedById;
      const saved = person
        ? await call(
            api.people[':id'].$patch({ param: { id: person.id }, json: { ...input, version: baseVersion } }),
          )
        : await call(api.people.$post({ json: input }));
      navigate(`/people/${saved.id}`);
    } catch (err) {
      const p = describeError(err);
      setSaving(false);
      if (p.code === 'stale') {
        setStale(p.message);
        return;
      }
      setStale(null);
      setProblem(p);
    }
  };

  const reloadLatest = async () => {
    if (!person) return;
    setSaving(true);
    try {
      const latest = await call(api.people[':id'].$get({ param: { id: person.id } }));
      setValues(personToValues(latest));
      setVersion(latest.version);
      setStale(null);
      setProblem(null);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  const hasFieldErrors = problem && Object.keys(problem.fieldErrors).length > 0;
  return (
    <>
      <PageHeader
        title={title}
        eyebrow={
          person ? (
            <Link to={`/people/${person.id}`}>← {person.fullName}</Link>
          ) : (
            <Link to="/people">← People</Link>
          )
        }
        subtitle={person ? undefined : 'Someone you might learn from. Only the name is required.'}
      />
      {stale && (
        <StaleNotice message={stale} busy={saving} onReload={reloadLatest} onOverwrite={() => save(true)} />
      )}
      {problem && (
        <Alert>
          {hasFieldErrors ? 'Some fields need attention; see the messages next to them.' : problem.message}
        </Alert>
      )}
      {choices.error && <Alert>{choices.error.message}</Alert>}
      <PersonForm
        values={values}
        onChange={setValues}
        onSubmit={() => save()}
        onCancel={() => navigate(person ? `/people/${person.id}` : '/people')}
        organizations={choices.data?.organizations ?? []}
        people={choices.data?.people ?? []}
        personId={person?.id}
        fieldErrors={problem?.fieldErrors ?? {}}
        saving={saving}
        submitLabel={person ? 'Save changes' : 'Add person'}
      />
    </>
  );
}
