import { useState } from 'react';
import { api, call } from '../api.js';
import { documentFileUrl } from '../meetings/preparation-api.js';
import { documentKindLabel, formatBytes } from '../meetings/preparation-labels.js';
import { Alert, Notice } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { EmptyState } from '../ui/empty-state.js';
import { formatDate } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { DocumentUploadForm } from './document-upload-form.js';
import '../meetings/preparation.css';

/** Resume versions, portfolio and letters: upload, download and delete. */
export function DocumentsPage() {
  const docs = useLoad('documents', () => call(api.documents.$get()));
  const [uploaded, setUploaded] = useState<string | null>(null);
  const list = docs.data;

  return (
    <>
      <PageHeader
        title="Documents"
        subtitle="Keep each version of your resume here, bring the right one to each conversation, and note who saw which."
      />
      <section className="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload a document</h2>
        {uploaded && <Notice tone="success">Uploaded “{uploaded}”.</Notice>}
        <DocumentUploadForm
          onUploaded={(doc) => {
            setUploaded(doc.title);
            docs.reload();
          }}
        />
      </section>
      <section aria-labelledby="library-heading">
        <h2 id="library-heading">Your documents</h2>
        {docs.error && <Alert>{docs.error.message}</Alert>}
        {!list && docs.loading && <Loading what="Loading documents" />}
        {list && list.length === 0 && (
          <EmptyState title="No documents yet">
            <p>
              Upload your resume first. People often offer to pass it on, and you will want the version that
              fits them at hand.
            </p>
          </EmptyState>
        )}
        {list && list.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Your documents</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Version</th>
                  <th scope="col">File</th>
                  <th scope="col" className="numeric">
                    Size
                  </th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.id}>
                    <td>{d.title}</td>
                    <td>{documentKindLabel(d.kind)}</td>
                    <td>{d.versionLabel ?? <span className="muted">—</span>}</td>
                    <td className="small">{d.fileName}</td>
                    <td className="numeric">{formatBytes(d.sizeBytes)}</td>
                    <td>{formatDate(d.createdAt)}</td>
                    <td>
                      <div className="actions actions-small">
                        <a href={documentFileUrl(d.id)} download className="button button-small">
                          Download <span className="visually-hidden">{d.title}</span>
                        </a>
                        <ConfirmButton
                          small
                          label="Delete"
                          question={`Delete “${d.title}”?`}
                          detail={
                            <p>
                              The file is deleted, and the conversations you planned to bring it to forget it.
                              This cannot be undone.
                            </p>
                          }
                          confirmLabel="Delete document"
                          onConfirm={async () => {
                            await call(api.documents[':id'].$delete({ param: { id: d.id } }));
                            setUploaded(null);
                            docs.reload();
                          }}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
