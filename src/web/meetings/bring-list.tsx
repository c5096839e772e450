import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { Field } from '../ui/field.js';
import { formatDate } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';
import { type AttachedDocument, documentFileUrl } from './preparation-api.js';
import { documentKindLabel } from './preparation-labels.js';

interface BringListProps {
  conversationId: string;
  participants: { id: string; fullName: string }[];
  onChanged: () => void;
}

interface Group {
  documentId: string;
  first: AttachedDocument;
  rows: AttachedDocument[];
}

function groupByDocument(rows: readonly AttachedDocument[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const group = groups.get(row.documentId);
    if (group) group.rows.push(row);
    else groups.set(row.documentId, { documentId: row.documentId, first: row, rows: [row] });
  }
  return [...groups.values()];
}

function versionText(d: { title: string; versionLabel: string | null }): string {
  return d.versionLabel ? `${d.title} (${d.versionLabel})` : d.title;
}

/** The documents to bring to a conversation, and which version went to whom. */
export function BringList({ conversationId, participants, onChanged }: BringListProps) {
  const attached = useLoad(`bring:${conversationId}`, () =>
    call(api.documents.conversations[':id'].$get({ param: { id: conversationId } })),
  );
  const library = useLoad('documents', () => call(api.documents.$get()));
  const [choice, setChoice] = useState('');
  const [sharedWith, setSharedWith] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attach = async (documentId: string, sharedWithId?: string) => {
    setBusy(true);
    setError(null);
    try {
      attached.setData(
        await call(
          api.documents.conversations[':id'].$post({
            param: { id: conversationId },
            json: { documentId, sharedWithId: sharedWithId ?? null },
          }),
        ),
      );
      onChanged();
      return true;
    } catch (err) {
      setError(describeError(err).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setError('Choose a document to bring.');
      return;
    }
    if (await attach(choice)) setChoice('');
  };

  const groups = groupByDocument(attached.data ?? []);
  const attachedIds = new Set(groups.map((g) => g.documentId));
  const available = (library.data ?? []).filter((d) => !attachedIds.has(d.id));

  return (
    <section className="card" aria-labelledby="bring-heading">
      <h2 id="bring-heading">Documents to bring</h2>
      {error && <Alert>{error}</Alert>}
      {attached.error && <Alert>{attached.error.message}</Alert>}
      {!attached.data && attached.loading && <Loading what="Loading documents" />}
      {attached.data && groups.length === 0 && (
        <p className="muted">
          Nothing yet. Bring your resume even if you do not plan to hand it over — offer it only when they
          ask.
        </p>
      )}
      {groups.length > 0 && (
        <ul className="bring-list" aria-label="Documents to bring">
          {groups.map((g) => {
            // Each person once, even where an earlier version recorded the same sharing twice.
            const shared = g.rows.filter(
              (r, i, all) => r.sharedWithId && all.findIndex((o) => o.sharedWithId === r.sharedWithId) === i,
            );
            const pick = sharedWith[g.documentId] ?? participants[0]?.id ?? '';
            return (
              <li key={g.documentId} className="bring-item">
                <div className="bring-title">
                  <a href={documentFileUrl(g.documentId)} download>
                    {versionText(g.first)}
                  </a>{' '}
                  <span className="tag">{documentKindLabel(g.first.kind)}</span>
                </div>
                <p className="small muted">
                  {shared.length === 0
                    ? 'Not shared yet.'
                    : `Shared with ${shared
                        .map(
                          (r) =>
                            `${r.sharedWithName ?? 'someone'}${r.sharedAt ? ` on ${formatDate(r.sharedAt)}` : ''}`,
                        )
                        .join('; ')}.`}
                </p>
                <div className="form-row">
                  {participants.length > 0 && (
                    <>
                      <Field label="Shared with" className="field-inline">
                        {(c) => (
                          <select
                            {...c}
                            value={pick}
                            onChange={(e) => setSharedWith({ ...sharedWith, [g.documentId]: e.target.value })}
                          >
                            {participants.map((p) => (
                              <option key={p.id} value={p.id}>
                                {p.fullName}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy || !pick}
                        onClick={() => attach(g.documentId, pick)}
                      >
                        Mark as shared
                      </button>
                    </>
                  )}
                  <ConfirmButton
                    small
                    label="Remove"
                    question={`Stop bringing ${versionText(g.first)}?`}
                    detail={<p>The document stays in your library; only this conversation forgets it.</p>}
                    confirmLabel="Remove from conversation"
                    busyLabel="Removing…"
                    onConfirm={async () => {
                      for (const row of g.rows) {
                        await call(api.documents.attached[':id'].$delete({ param: { id: row.id } }));
                      }
                      attached.reload();
                      onChanged();
                    }}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {library.error && <Alert>{library.error.message}</Alert>}
      {library.data && library.data.length === 0 ? (
        <p className="small">
          <Link to="/documents">Upload your resume</Link> first, then choose it here.
        </p>
      ) : (
        library.data &&
        available.length > 0 && (
          <form className="form-row" onSubmit={add} noValidate>
            <Field label="Document to bring" className="grow">
              {(c) => (
                <select {...c} value={choice} onChange={(e) => setChoice(e.target.value)}>
                  <option value="">Choose…</option>
                  {available.map((d) => (
                    <option key={d.id} value={d.id}>
                      {versionText(d)} — {d.fileName}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit" className="button" disabled={busy}>
              Bring this
            </button>
          </form>
        )
      )}
    </section>
  );
}
