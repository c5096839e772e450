import { Link, useParams } from 'react-router';
import { api, call, type Organization } from '../api.js';
import { EditFormNotices } from '../ui/edit-form-notices.js';
import { EditRecordLoader } from '../ui/edit-record-loader.js';
import { PageHeader } from '../ui/page-header.js';
import { useEditForm } from '../ui/use-edit-form.js';
import { OrganizationForm, type OrganizationFormValues } from './organization-form.js';

const EMPTY: OrganizationFormValues = { name: '', website: '', industry: '', location: '', notes: '' };

function toValues(o: Organization): OrganizationFormValues {
  return {
    name: o.name,
    website: o.website ?? '',
    industry: o.industry ?? '',
    location: o.location ?? '',
    notes: o.notes,
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

const fetchOrganization = (id: string) => call(api.organizations[':id'].$get({ param: { id } }));

/** Adds an organization (`/organizations/new`) or edits one (`/organizations/:id/edit`). */
export function OrganizationEditPage() {
  const { id } = useParams();
  return (
    <EditRecordLoader
      loadKey={`organization:${id ?? 'new'}`}
      load={() => (id ? fetchOrganization(id) : Promise.resolve(null))}
      title={(org) => (id ? `Edit ${org?.name ?? 'organization'}` : 'Add an organization')}
    >
      {(org, title) => <OrganizationEditor org={org} title={title} />}
    </EditRecordLoader>
  );
}

function OrganizationEditor({ org, title }: { org: Organization | null; title: string }) {
  const form = useEditForm<Organization, OrganizationFormValues>({
    record: org,
    initialValues: () => (org ? toValues(org) : EMPTY),
    toValues,
    fetchLatest: fetchOrganization,
    basePath: '/organizations',
    submit: (values, version) => {
      const input = {
        name: values.name,
        website: orNull(values.website),
        industry: orNull(values.industry),
        location: orNull(values.location),
        notes: values.notes,
      };
      return org
        ? call(api.organizations[':id'].$patch({ param: { id: org.id }, json: { ...input, version } }))
        : call(api.organizations.$post({ json: input }));
    },
  });

  const existingId = form.problem?.details?.existingId;
  return (
    <>
      <PageHeader
        title={title}
        eyebrow={
          org ? (
            <Link to={`/organizations/${org.id}`}>← {org.name}</Link>
          ) : (
            <Link to="/organizations">← Organizations</Link>
          )
        }
        subtitle={org ? undefined : 'An employer or team you want to learn about. Only the name is required.'}
      />
      <EditFormNotices
        form={form}
        problemActions={
          typeof existingId === 'string' ? (
            <Link className="button" to={`/organizations/${existingId}`}>
              Open the existing one
            </Link>
          ) : undefined
        }
      />
      <OrganizationForm
        values={form.values}
        onChange={form.setValues}
        onSubmit={() => form.save()}
        onCancel={form.cancel}
        fieldErrors={form.fieldErrors}
        saving={form.saving}
        submitLabel={org ? 'Save changes' : 'Add organization'}
      />
    </>
  );
}
