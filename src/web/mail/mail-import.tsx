import { type FormEvent, useId, useState } from 'react';
import { describeError } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { formatDate } from '../ui/format.js';
import type { Progress } from '../ui/progress-stream.js';
import { SaveProgress } from '../ui/save-progress.js';
import { importMailFile, type MailImportSummary, previewMailImport } from './mail-api.js';

type Step =
  | { name: 'choose' }
  | { name: 'preview'; file: File; summary: MailImportSummary }
  | { name: 'importing'; file: File; progress: Progress | null }
  | { name: 'done'; summary: MailImportSummary };

/**
 * Imports mail exported from a mailbox (a Gmail Takeout .mbox, or one .eml message): a preview
 * first, then everything at once or nothing. No mailbox needs to be connected.
 */
export function MailImport() {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const preview = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError('Choose an .mbox or .eml file first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setStep({ name: 'preview', file, summary: await previewMailImport(file) });
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const apply = async (chosen: File) => {
    setError(null);
    setStep({ name: 'importing', file: chosen, progress: null });
    try {
      const summary = await importMailFile(chosen, (progress) =>
        setStep({ name: 'importing', file: chosen, progress }),
      );
      setStep({ name: 'done', summary });
    } catch (err) {
      setError(describeError(err).message);
      setStep({ name: 'choose' });
    }
  };

  return (
    <section className="card" aria-labelledby="mail-import-heading">
      <h2 id="mail-import-heading">Import mail from a file</h2>
      <p>
        An .mbox file from Gmail Takeout (takeout.google.com → Mail), or one .eml message. Only mail to or
        from people in Rapport is logged; mail logged before is skipped.
      </p>
      {error && <Alert>{error}</Alert>}
      {step.name === 'choose' && (
        <form className="form" onSubmit={preview} noValidate>
          <div className="field">
            <label htmlFor={inputId}>Mail file</label>
            <input
              id={inputId}
              type="file"
              accept=".mbox,.eml,application/mbox,message/rfc822"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Reading the file…' : 'Preview'}
            </button>
          </div>
        </form>
      )}
      {step.name === 'preview' && (
        <ImportPreview
          summary={step.summary}
          onImport={() => apply(step.file)}
          onCancel={() => setStep({ name: 'choose' })}
        />
      )}
      {step.name === 'importing' && (
        <SaveProgress
          label="Mail import progress"
          progress={step.progress}
          unit="messages"
          waiting="Reading the file…"
          what="import"
        />
      )}
      {step.name === 'done' && (
        <Notice tone="success">
          <p>
            Imported: {step.summary.stored} {step.summary.stored === 1 ? 'message' : 'messages'} logged
            {step.summary.alreadyLogged ? `, ${step.summary.alreadyLogged} logged before skipped` : ''}.
          </p>
          <button type="button" className="button button-small" onClick={() => setStep({ name: 'choose' })}>
            Import another file
          </button>
        </Notice>
      )}
    </section>
  );
}

function ImportPreview({
  summary,
  onImport,
  onCancel,
}: {
  summary: MailImportSummary;
  onImport: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="mail-import-preview">
      <p role="status">
        {summary.total} {summary.total === 1 ? 'message' : 'messages'} in the file, {summary.matched} with
        your people: {summary.stored} to log
        {summary.alreadyLogged ? `, ${summary.alreadyLogged} logged before` : ''}
        {summary.unreadable ? `, ${summary.unreadable} could not be read` : ''}.
      </p>
      {summary.people.length > 0 && (
        <ul aria-label="People in the file">
          {summary.people.map((p) => (
            <li key={p.id}>
              {p.fullName}: {p.messages} {p.messages === 1 ? 'message' : 'messages'}
            </li>
          ))}
        </ul>
      )}
      {summary.rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="muted small">The first {summary.rows.length} messages, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">With</th>
                <th scope="col">Subject</th>
              </tr>
            </thead>
            <tbody>
              {summary.rows.map((r, i) => (
                <tr key={i} className={r.alreadyLogged ? 'muted' : undefined}>
                  <td>{formatDate(r.at)}</td>
                  <td>
                    {r.direction === 'in' ? 'From' : 'To'} {r.people.join(', ')}
                  </td>
                  <td>
                    {r.subject ?? '(no subject)'}
                    {r.alreadyLogged ? ' (logged before)' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-actions">
        {summary.stored > 0 && (
          <button type="button" className="button button-primary" onClick={onImport}>
            Import {summary.stored} {summary.stored === 1 ? 'message' : 'messages'}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {summary.stored > 0 ? 'Cancel' : 'Choose another file'}
        </button>
      </div>
    </div>
  );
}
