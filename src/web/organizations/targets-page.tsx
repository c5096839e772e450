import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ADVOCACY_RULE } from '../../domain/lamp.js';
import { api, call, describeError, type Target, type TargetPatch } from '../api.js';
import { ExportCsvLink } from '../exports/export-csv-link.js';
import { Alert } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { Field } from '../ui/field.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { TargetRow } from './target-row.js';

function loadTargets() {
  return Promise.all([
    call(api.outreach.targets.$get()),
    call(api.organizations.$get({ query: { limit: '500' } })),
    call(api.settings.$get()),
  ]).then(([targets, orgs, settings]) => ({ targets, organizations: orgs.items, settings }));
}

function withPatch(t: Target, patch: TargetPatch): Target {
  return {
    ...t,
    motivation: patch.motivation ?? t.motivation,
    posting: patch.posting ?? t.posting,
    advocacyOverride: patch.advocacyOverride === undefined ? t.advocacyOverride : patch.advocacyOverride,
    hasOpenPosting: patch.hasOpenPosting ?? t.hasOpenPosting,
    status: patch.status ?? t.status,
  };
}

/** The ranked list of target employers (LAMP), edited in place. */
export function TargetsPage() {
  const list = useLoad('targets', loadTargets);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const d = list.data;
  const onList = new Set(d?.targets.map((t) => t.organizationId));
  const available = d?.organizations.filter((o) => !onList.has(o.id)) ?? [];

  const change = async (t: Target, patch: TargetPatch) => {
    setBusyId(t.id);
    setError(null);
    // Show the new value at once; the server's answer (and the new ranking) follows.
    if (d) list.setData({ ...d, targets: d.targets.map((x) => (x.id === t.id ? withPatch(x, patch) : x)) });
    try {
      const updated = await call(
        api.outreach.targets[':id'].$patch({ param: { id: t.id }, json: { ...patch, version: t.version } }),
      );
      if (d) list.setData({ ...d, targets: d.targets.map((x) => (x.id === updated.id ? updated : x)) });
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      // Every change can move other employers up or down, so the whole list is read again.
      list.reload();
      setBusyId(null);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!adding) {
      setAddError('Choose an organization to add.');
      return;
    }
    setAddError(null);
    try {
      await call(api.outreach.targets.$post({ json: { organizationId: adding } }));
      setAdding('');
      list.reload();
    } catch (err) {
      setAddError(describeError(err).message);
    }
  };

  return (
    <>
      <PageHeader
        title="Targets"
        subtitle="The employers you are focusing on, in the order to work them."
        actions={<ExportCsvLink list="targets" />}
      />
      <section className="card lamp-explainer" aria-labelledby="lamp-heading">
        <h2 id="lamp-heading">How the list is ranked</h2>
        <p>
          Score each employer three ways: <strong>Motivation</strong> (0 if you barely know them, 3 for a
          dream employer), <strong>Posting</strong> (1 if nothing they advertise fits you, 3 if something fits
          well) and <strong>Advocacy</strong> (whether you already know someone there). The list sorts by
          motivation, then posting, then advocacy.
        </p>
        <p className="muted" id="advocacy-rule">
          {ADVOCACY_RULE}
        </p>
        <p className="muted">
          Work only the top {d?.settings.activeTargets ?? 5} active employers at a time, so each gets real
          attention. When one is ruled out or has nothing left to offer, mark it and the next one moves up.
        </p>
      </section>
      {list.error && <Alert>{list.error.message}</Alert>}
      {!d && list.loading && <Loading what="Loading your target list" />}
      {d && (
        <form className="form-row add-target" onSubmit={add} noValidate>
          <Field label="Add an organization" error={addError ?? undefined} className="field-grow">
            {(c) => (
              <select {...c} value={adding} onChange={(e) => setAdding(e.target.value)}>
                <option value="">
                  {available.length ? 'Choose an organization…' : 'Every organization is on the list'}
                </option>
                {available.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button button-primary" disabled={available.length === 0}>
            Add to list
          </button>
          <Link to="/organizations/new" className="button button-quiet">
            New organization
          </Link>
        </form>
      )}
      {error && <Alert>{error}</Alert>}
      {d && d.targets.length === 0 && (
        <EmptyState title="No targets yet">
          <p>
            Aim for a long list quickly — around forty employers: places you dream of, places where friends or
            fellow alumni work, places with postings in your field, and places in the news in your field. Add
            them as organizations, then put them on this list.
          </p>
        </EmptyState>
      )}
      {d && d.targets.length > 0 && (
        <div className="table-wrap">
          <table className="table table-stack targets-table">
            <caption className="visually-hidden">Target employers, ranked</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  Rank
                </th>
                <th scope="col">Organization</th>
                <th scope="col">Advocacy</th>
                <th scope="col">Motivation</th>
                <th scope="col">Posting</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            {d.targets.map((t) => (
              <TargetRow
                key={t.id}
                target={t}
                busy={busyId !== null}
                onChange={change}
                onRemove={async (target) => {
                  await call(api.outreach.targets[':id'].$delete({ param: { id: target.id } }));
                  list.reload();
                }}
              />
            ))}
          </table>
        </div>
      )}
    </>
  );
}
