import { Link } from 'react-router';
import { attachmentProblem, formatSize, MAX_ATTACHMENTS } from '../../domain/mail.js';
import { api, call } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';
import './mail.css';

export interface PickedDocument {
  id: string;
  fileName: string;
  sizeBytes: number;
}

interface AttachmentPickerProps {
  selected: PickedDocument[];
  onChange: (selected: PickedDocument[]) => void;
}

/**
 * "Attach from your documents": a checkbox for each document of the library (a resume for a
 * critique), with the total and what is too much said before Send is pressed.
 */
export function AttachmentPicker({ selected, onChange }: AttachmentPickerProps) {
  const docs = useLoad('documents', () => call(api.documents.$get()));
  const problem = attachmentProblem(selected);
  const total = selected.reduce((n, d) => n + d.sizeBytes, 0);
  return (
    <fieldset className="attachment-picker">
      <legend>Attach from your documents</legend>
      {docs.error && <Alert>{docs.error.message}</Alert>}
      {!docs.data && docs.loading && <Loading what="Loading your documents" />}
      {docs.data && docs.data.length === 0 && (
        <p className="muted small">
          No documents yet. Add your resume under <Link to="/documents">Documents</Link> to send it from here.
        </p>
      )}
      {docs.data && docs.data.length > 0 && (
        <ul className="attachment-options">
          {docs.data.map((d) => {
            const checked = selected.some((s) => s.id === d.id);
            return (
              <li key={d.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={(e) =>
                      onChange(
                        e.target.checked
                          ? [...selected, { id: d.id, fileName: d.fileName, sizeBytes: d.sizeBytes }]
                          : selected.filter((s) => s.id !== d.id),
                      )
                    }
                  />{' '}
                  {d.title}
                  {d.versionLabel ? ` (${d.versionLabel})` : ''}{' '}
                  <span className="muted small">
                    {d.fileName}, {formatSize(d.sizeBytes)}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {selected.length > 0 && !problem && (
        <p className="muted small" aria-live="polite">
          {selected.length === 1 ? '1 document' : `${selected.length} documents`} attached,{' '}
          {formatSize(total)} in all (at most {MAX_ATTACHMENTS}).
        </p>
      )}
      {problem && <p className="hint hint-warning">{problem}</p>}
    </fieldset>
  );
}
