import { Link, useParams, useSearchParams } from 'react-router';
import { api, call, type Person } from '../api.js';
import { NEW_ORGANIZATION, resolveOrganizationChoice } from '../organizations/organization-choice.js';
import { Alert } from '../ui/alert.js';
import { EditFormNotices } from '../ui/edit-form-notices.js';
import { EditRecordLoader } from '../ui/edit-record-loader.js';
import { PageHeader } from '../ui/page-header.js';
import { useEditForm } from '../ui/use-edit-form.js';
import { useLoad } from '../ui/use-load.js';
import { PersonForm } from './person-form.js';
import { EMPTY_PERSON, type PersonFormValues, personToValues, valuesToInput } from './person-form-values.js';

function loadChoices() {
  return Promise.all([
    call(api.organizations.$get({ query: { limit: '500' } })),
    call(api.people.$get({ query: { limit: '500' } })),
  ]).then(([orgs, people]) => ({ organizations: orgs.items, people: people.items }));
}

const fetchPerson = (id: string) => call(api.people[':id'].$get({ param: { id } }));

/** Adds a person (`/people/new`) or edits one (`/people/:id/edit`). */
export function PersonEditPage() {
  const { id } = useParams();
  return (
    <EditRecordLoader
      loadKey={`person:${id ?? 'new'}`}
      load={() => (id ? fetchPerson(id) : Promise.resolve(null))}
      title={(person) => (id ? `Edit ${person?.fullName ?? 'person'}` : 'Add a person')}
    >
      {(person, title) => <PersonEditor person={person} title={title} />}
    </EditRecordLoader>
  );
}

function PersonEditor({ person, title }: { person: Person | null; title: string }) {
  const [params] = useSearchParams();
  const choices = useLoad('person-form-choices', loadChoices);
  const form = useEditForm<Person, PersonFormValues>({
    record: person,
    initialValues: () =>
      person
        ? personToValues(person)
        : { ...EMPTY_PERSON, organizationChoice: params.get('organizationId') ?? '' },
    toValues: personToValues,
    fetchLatest: fetchPerson,
    basePath: '/people',
    submit: async (values, version) => {
      const organizationId = await resolveOrganizationChoice(
        values.organizationChoice,
        values.newOrganizationName,
      );
      if (values.organizationChoice === NEW_ORGANIZATION && organizationId) {
        // The organization exists now: a second attempt must not try to create it again.
        form.setValues((v) => ({ ...v, organizationChoice: organizationId, newOrganizationName: '' }));
        choices.reload();
      }
      const input = valuesToInput(values, organizationId);
      // Sending the same introducer again would set that introduction back to "made" and drop the
      // other introducers recorded on the person's page, so it only goes when it changed.
      if (person && values.introducedById === (person.introducedBy?.id ?? '')) delete input.introducedById;
      return person
        ? call(api.people[':id'].$patch({ param: { id: person.id }, json: { ...input, version } }))
        : call(api.people.$post({ json: input }));
    },
  });

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
      <EditFormNotices form={form} />
      {choices.error && <Alert>{choices.error.message}</Alert>}
      <PersonForm
        values={form.values}
        onChange={form.setValues}
        onSubmit={() => form.save()}
        onCancel={form.cancel}
        organizations={choices.data?.organizations ?? []}
        people={choices.data?.people ?? []}
        personId={person?.id}
        fieldErrors={form.fieldErrors}
        saving={form.saving}
        submitLabel={person ? 'Save changes' : 'Add person'}
      />
    </>
  );
}
