import { useState } from 'react';
import { Link } from 'react-router';
import { MAX_IMPORT_BYTES } from '../../domain/import-limits.js';
import { describeError } from '../api.js';
import { Alert, Notice } from '../components/alert.js';
import { Field } from '../components/field.js';
import { ImportCounts, ImportRows } from '../components/import-preview.js';
import { Loading } from '../components/loading.js';
import { PageHeader } from '../components/page-header.js';
import {
  applyLinkedInImport,
  type ImportProgress,
  type ImportSummary,
  previewLinkedInImport,
} from '../import-api.js';
import '../import.css';

type Step =
  | { name: 'choose' }
  | { name: 'reading'; file: File }
  | { name: 'preview'; file: File; summary: ImportSummary }
  | { name: 'importing'; file: File; progress: ImportProgress | null }
  | { name: 'done'; summary: ImportSummary };

/** Importing LinkedIn connections: choose the file, check the preview, confirm, see the result. */
export function ImportPage() {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [problem, setProblem] = useState<string | null>(null);
  const [fileKey, setFileKey] = useState(0);

  const restart = () => {
    setStep({ name: 'choose' });
    setProblem(null);
    setFileKey((k) => k + 1);
  };

  const choose = async (file: File | null) => {
    setProblem(null);
    if (!file) return setStep({ name: 'choose' });
    if (file.size > MAX_IMPORT_BYTES) {
      setProblem(
        'This file is larger than 20 MB. LinkedIn’s Connections.csv is only a few MB: check that you chose Connections.csv.',
      );
      return;
    }
    setStep({ name: 'reading', file });
    try {
      setStep({ name: 'preview', file, summary: await previewLinkedInImport(file) });
    } catch (err) {
      setProblem(describeError(err).message);
      setStep({ name: 'choose' });
    }
  };

  const confirm = async (file: File) => {
    setProblem(null);
    setStep({ name: 'importing', file, progress: null });
    try {
      const summary = await applyLinkedInImport(file, (progress) =>
        setStep({ name: 'importing', file, progress }),
      );
      setStep({ name: 'done', summary });
    } catch (err) {
      setProblem(`${describeError(err).message} Nothing was imported.`);
      setStep({ name: 'choose' });
      setFileKey((k) => k + 1);
    }
  };

  const busy = step.name === 'reading' || step.name === 'importing';
  return (
    <>
      <PageHeader
        title="Import from LinkedIn"
        eyebrow={<Link to="/people">People</Link>}
        subtitle="Bring in the people you are already connected with. You see what will change before anything is saved."
      />
      {problem && <Alert>{problem}</Alert>}

      {step.name !== 'done' && (
        <section className="card" aria-labelledby="import-file-heading">
          <h2 id="import-file-heading">Your connections file</h2>
          <ol className="steps">
            <li>
              On LinkedIn, open <em>Settings &amp; Privacy</em>, then <em>Data privacy</em>, then{' '}
              <em>Get a copy of your data</em>.
            </li>
            <li>Pick “Connections” and request the archive. LinkedIn e-mails you when it is ready.</li>
            <li>Download and unzip the archive, then choose the Connections.csv file inside it here.</li>
          </ol>
          <Field label="Connections.csv" hint="The file from LinkedIn’s export, at most 20 MB.">
            {(c) => (
              <input
                {...c}
                key={fileKey}
                type="file"
                accept=".csv,text/csv"
                disabled={busy}
                onChange={(e) => void choose(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <p className="muted small">
            Importing again later is safe: people already here are recognized by their profile, e-mail, or
            name and organization, and nothing you edited yourself is overwritten.
          </p>
        </section>
      )}

      {step.name === 'reading' && <Loading what={`Reading ${step.file.name}`} />}

      {step.name === 'preview' && (
        <section aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading">Preview</h2>
          <ImportCounts summary={step.summary} />
          {step.summary.counts.new + step.summary.counts.updated === 0 ? (
            <Notice>Everyone in this file is already here and up to date; there is nothing to import.</Notice>
          ) : (
            <div className="form-actions import-actions">
              <button type="button" className="button button-primary" onClick={() => void confirm(step.file)}>
                Import: add {step.summary.counts.new.toLocaleString()}, update{' '}
                {step.summary.counts.updated.toLocaleString()}
              </button>
              <button type="button" className="button button-quiet" onClick={restart}>
                Cancel
              </button>
            </div>
          )}
          <ImportRows summary={step.summary} />
        </section>
      )}

      {step.name === 'importing' && (
        <section className="card" aria-labelledby="import-progress-heading" aria-busy="true">
          <h2 id="import-progress-heading">Importing…</h2>
          <div role="status" className="import-progress">
            {step.progress && step.progress.total > 0 ? (
              <>
                <progress aria-label="Import progress" max={step.progress.total} value={step.progress.done} />{' '}
                Saved {step.progress.done.toLocaleString()} of {step.progress.total.toLocaleString()} people
              </>
            ) : (
              <>
                <progress aria-label="Import progress" /> Matching {step.file.name} with the people already
                here…
              </>
            )}
          </div>
          <p className="muted small">
            Everything is saved at once when the import finishes: all of it, or none.
          </p>
        </section>
      )}

      {step.name === 'done' && (
        <section aria-labelledby="import-done-heading">
          <h2 id="import-done-heading">Import finished</h2>
          <Notice tone="success">Your LinkedIn connections are in.</Notice>
          <ImportCounts summary={step.summary} />
          <div className="form-actions import-actions">
            <Link to="/people" className="button button-primary">
              See your people
            </Link>
            <button type="button" className="button button-quiet" onClick={restart}>
              Import another file
            </button>
          </div>
          {step.summary.counts.skipped > 0 && <ImportRows summary={step.summary} />}
        </section>
      )}
    </>
  );
}
