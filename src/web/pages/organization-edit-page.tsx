import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call, describeError, type Organization, type Problem } from '../api.js';
import { Alert } from '../components/alert.js';
import { Loading } from '../components/loading.js';
import { OrganizationForm, type OrganizationFormValues } from '../components/organization-form.js';
import { PageHeader } from '../components/page-header.js';
import { StaleNotice } from '../components/stale-notice.js';
import { useFocusFirstInvalid } from '../use-focus-invalid.js';
import { useLoad } from '../use-load.js';

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

/** Adds an organization (`/organizations/new`) or edits one (`/organizations/:id/edit`). */
export function OrganizationEditPage() {
  const { id } = useParams();
  const org = useLoad(`organization:${id ?? 'new'}`, () =>
    id ? call(api.organizations[':id'].$get({ param: { id } })) : Promise.resolve(null),
  );
  const title = id ? `Edit ${org.data?.name ?? 'organization'}` : 'Add an organization';
  if (org.error) {
    return (
      <>
        <PageHeader title={title} />
        <Alert>{org.error.message}</Alert>
      </>
    );
  }
  if (org.data === undefined) return <Loading />;
  return <OrganizationEditor key={org.data?.id ?? 'new'} org={org.data} title={title} />;
}

function OrganizationEditor({ org, title }: { org: Organization | null; title: string }) {
  const navigate = useNavigate();
  const [values, setValues] = useState(org ? toValues(org) : EMPTY);
  const [version, setVersion] = useState(org?.version);
  const [problem, setProblem] = useState<Problem | null>(null);
  useFocusFirstInvalid(problem);
  const [stale, setStale] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (overwrite = false) => {
    setSaving(true);
    setProblem(null);
    const input = {
      name: values.name,
      website: orNull(values.website),
      industry: orNull(values.industry),
      location: orNull(values.location),
      notes: values.notes,
    };
    try {
      let baseVersion = version;
      if (overwrite && org) {
        baseVersion = (await call(api.organizations[':id'].$get({ param: { id: org.id } }))).version;
        setVersion(baseVersion);
      }
      const saved = org
        ? await call(
            api.organizations[':id'].$patch({
              param: { id: org.id },
              json: { ...input, version: baseVersion },
            }),
          )
        : await call(api.organizations.$post({ json: input }));
      navigate(`/organizations/${saved.id}`);
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
    if (!org) return;
    try {
      const latest = await call(api.organizations[':id'].$get({ param: { id: org.id } }));
      setValues(toValues(latest));
      setVersion(latest.version);
      setStale(null);
    } catch (err) {
      setProblem(describeError(err));
    }
  };

  const existingId = problem?.details?.existingId;
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
      {stale && (
        <StaleNotice message={stale} busy={saving} onReload={reloadLatest} onOverwrite={() => save(true)} />
      )}
      {problem && (
        <Alert
          actions={
            typeof existingId === 'string' ? (
              <Link className="button" to={`/organizations/${existingId}`}>
                Open the existing one
              </Link>
            ) : undefined
          }
        >
          {Object.keys(problem.fieldErrors).length > 0
            ? 'Some fields need attention; see the messages next to them.'
            : problem.message}
        </Alert>
      )}
      <OrganizationForm
        values={values}
        onChange={setValues}
        onSubmit={() => save()}
        onCancel={() => navigate(org ? `/organizations/${org.id}` : '/organizations')}
        fieldErrors={problem?.fieldErrors ?? {}}
        saving={saving}
        submitLabel={org ? 'Save changes' : 'Add organization'}
      />
    </>
  );
}
