import { useState } from 'react';
import { Link } from 'react-router';
import { MAX_BACKUP_BYTES } from '../../domain/backup-format.js';
import { api, call, describeError } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { formatCount, formatDateTime } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { SaveProgress } from '../ui/save-progress.js';
import { useLoad } from '../ui/use-load.js';
import {
  applyRestore,
  BACKUP_URL,
  previewRestore,
  type RestoreProgress,
  type RestoreSummary,
} from './backup-api.js';
import '../imports/import.css';

type Step =
  | { name: 'choose' }
  | { name: 'reading'; file: File }
  | { name: 'preview'; file: File; summary: RestoreSummary }
  | { name: 'restoring'; file: File; progress: RestoreProgress | null }
  | { name: 'done'; summary: RestoreSummary };

const label = (table: string) => {
  const words = table.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function Counts({ summary }: { summary: RestoreSummary }) {
  const rows = summary.tables.filter((t) => t.rows > 0);
  return (
    <>
      <p>
        Workspace <strong>{summary.backup.workspaceName}</strong>, saved{' '}
        {formatDateTime(summary.backup.createdAt)}: {formatCount(summary.totalRows)} records
        {summary.files > 0 && ` and ${formatCount(summary.files)} document files`}.
      </p>
      {rows.length > 0 && (
        <table className="table restore-counts">
          <caption className="visually-hidden">Records in the backup</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Records</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.name}>
                <th scope="row">{label(t.name)}</th>
                <td>{formatCount(t.rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Download the whole workspace as one file, and restore such a file into an empty workspace. */
export function BackupPage() {
  const workspace = useLoad('workspace', () => call(api.workspace.$get()));
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
    if (file.size > MAX_BACKUP_BYTES) {
      setProblem('This file is larger than 200 MB, which is more than any Rapport backup we can restore.');
      return;
    }
    setStep({ name: 'reading', file });
    try {
      setStep({ name: 'preview', file, summary: await previewRestore(file) });
    } catch (err) {
      setProblem(describeError(err).message);
      setStep({ name: 'choose' });
      setFileKey((k) => k + 1);
    }
  };

  const confirm = async (file: File) => {
    setProblem(null);
    setStep({ name: 'restoring', file, progress: null });
    try {
      const summary = await applyRestore(file, (progress) => setStep({ name: 'restoring', file, progress }));
      setStep({ name: 'done', summary });
      workspace.reload();
    } catch (err) {
      setProblem(`${describeError(err).message} Nothing was restored.`);
      setStep({ name: 'choose' });
      setFileKey((k) => k + 1);
    }
  };

  const counts = workspace.data?.counts;
  // "more than 10,000" where the server stopped counting.
  const held = (of: 'people' | 'organizations' | 'conversations') =>
    `${workspace.data?.countsAreCapped[of] ? 'more than ' : ''}${formatCount(counts?.[of] ?? 0)}`;
  const empty = counts ? counts.people + counts.organizations + counts.conversations === 0 : false;
  const busy = step.name === 'reading' || step.name === 'restoring';

  return (
    <>
      <PageHeader
        title="Backup and restore"
        eyebrow={<Link to="/settings">Settings</Link>}
        subtitle="Keep a copy of everything, or move your workspace to another computer."
      />
      {problem && <Alert>{problem}</Alert>}

      <section className="card" aria-labelledby="backup-heading">
        <h2 id="backup-heading">Download a backup</h2>
        <p>
          One file holds your whole workspace: people, organizations, conversations, notes, messages, tasks,
          results, settings and the documents you uploaded. Keep it somewhere safe.
        </p>
        <a className="button button-primary" href={BACKUP_URL} download>
          Download a backup
        </a>
        <p className="muted small">Calendar feed links are not included; make a new one after restoring.</p>
      </section>

      <section className="card" aria-labelledby="restore-heading">
        <h2 id="restore-heading">Restore from a backup</h2>
        {!workspace.data && workspace.loading && <Loading what="Checking the workspace" />}
        {workspace.data && !empty && step.name !== 'done' && (
          <Notice>
            A backup can only be restored into an empty workspace, so nothing here is ever overwritten. This
            workspace already has {held('people')} people, {held('organizations')} organizations and{' '}
            {held('conversations')} conversations. To restore, start Rapport with a new data folder (
            <code>rapport serve --data NEW-FOLDER</code>) and come back here.
          </Notice>
        )}
        {empty && step.name !== 'done' && (
          <>
            <p>
              This workspace is empty, so you can bring a backup in. You will see what it holds before
              anything is saved.
            </p>
            <Field label="Backup file" hint="A rapport-backup-….zip file, at most 200 MB.">
              {(c) => (
                <input
                  {...c}
                  key={fileKey}
                  type="file"
                  accept=".zip,application/zip"
                  disabled={busy}
                  onChange={(e) => void choose(e.target.files?.[0] ?? null)}
                />
              )}
            </Field>
          </>
        )}

        {step.name === 'reading' && <Loading what={`Checking ${step.file.name}`} />}

        {step.name === 'preview' && (
          <div>
            <h3 id="restore-preview-heading">What this backup holds</h3>
            <Counts summary={step.summary} />
            {step.summary.blocker ? (
              <Alert>{step.summary.blocker}</Alert>
            ) : (
              <div className="form-actions import-actions">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => void confirm(step.file)}
                >
                  Restore {formatCount(step.summary.totalRows)} records
                </button>
                <button type="button" className="button button-quiet" onClick={restart}>
                  Cancel
                </button>
              </div>
            )}
          </div>
        )}

        {step.name === 'restoring' && (
          <div aria-busy="true">
            <h3>Restoring…</h3>
            <SaveProgress
              label="Restore progress"
              progress={step.progress}
              unit="records"
              waiting={`Checking ${step.file.name}…`}
              what="restore"
            />
          </div>
        )}

        {step.name === 'done' && (
          <div>
            <Notice tone="success">
              Restored {formatCount(step.summary.totalRows)} records from “{step.summary.backup.workspaceName}
              ”.
            </Notice>
            <Counts summary={step.summary} />
            <div className="form-actions import-actions">
              <Link to="/" className="button button-primary">
                Go to Today
              </Link>
              <Link to="/people" className="button">
                See your people
              </Link>
            </div>
          </div>
        )}
      </section>
    </>
  );
}
