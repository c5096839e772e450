import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { MAX_IMPORT_BYTES } from '../../domain/import-limits.js';
import { describeError } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { formatCount } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { SaveProgress } from '../ui/save-progress.js';
import { CsvMappingStep } from './csv-mapping.js';
import {
  applyImport,
  type CsvInspection,
  type CsvMapping,
  type ImportFormat,
  type ImportProgress,
  type ImportSummary,
  inspectCsv,
  previewImport,
} from './import-api.js';
import { ImportCounts, ImportRows } from './import-preview.js';

/** What differs between the formats: words, the file input, and where the file comes from. */
export interface ImportFormatInfo {
  format: ImportFormat;
  title: string;
  subtitle: string;
  fileHeading: string;
  fileLabel: string;
  fileHint: string;
  accept: string;
  /** How to get the file out of the program that holds the contacts. */
  instructions: ReactNode;
  /** Said when a file is over 20 MB. */
  tooLarge: string;
  /** Said when the import is done. */
  done: string;
}

type Step =
  | { name: 'choose' }
  | { name: 'reading'; file: File }
  | { name: 'mapping'; file: File; columns: CsvInspection; mapping: CsvMapping }
  | { name: 'preview'; file: File; summary: ImportSummary; mapping?: CsvMapping; columns?: CsvInspection }
  | { name: 'importing'; file: File; progress: ImportProgress | null }
  | { name: 'done'; summary: ImportSummary };

/**
 * One import from start to end: choose the file, (for CSV) match its columns, check the
 * preview, confirm, follow the progress, see the result. Nothing is saved before the confirm.
 */
export function ImportFlow({ info }: { info: ImportFormatInfo }) {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [problem, setProblem] = useState<string | null>(null);
  const [fileKey, setFileKey] = useState(0);

  const restart = () => {
    setStep({ name: 'choose' });
    setProblem(null);
    setFileKey((k) => k + 1);
  };

  const fail = (err: unknown, suffix = '') => {
    setProblem(`${describeError(err).message}${suffix}`);
    setStep({ name: 'choose' });
    setFileKey((k) => k + 1);
  };

  const choose = async (file: File | null) => {
    setProblem(null);
    if (!file) return setStep({ name: 'choose' });
    if (file.size > MAX_IMPORT_BYTES) {
      setProblem(`This file is larger than 20 MB. ${info.tooLarge}`);
      return;
    }
    setStep({ name: 'reading', file });
    try {
      if (info.format === 'csv') {
        const columns = await inspectCsv(file);
        setStep({ name: 'mapping', file, columns, mapping: columns.mapping });
      } else {
        setStep({ name: 'preview', file, summary: await previewImport(info.format, file) });
      }
    } catch (err) {
      fail(err);
    }
  };

  const previewMapped = async (file: File, columns: CsvInspection, mapping: CsvMapping) => {
    setProblem(null);
    setStep({ name: 'reading', file });
    try {
      const summary = await previewImport('csv', file, mapping);
      setStep({ name: 'preview', file, summary, mapping, columns });
    } catch (err) {
      setProblem(describeError(err).message);
      setStep({ name: 'mapping', file, columns, mapping });
    }
  };

  const confirm = async (file: File, mapping?: CsvMapping) => {
    setProblem(null);
    setStep({ name: 'importing', file, progress: null });
    try {
      const summary = await applyImport(
        info.format,
        file,
        (progress) => setStep({ name: 'importing', file, progress }),
        mapping,
      );
      setStep({ name: 'done', summary });
    } catch (err) {
      fail(err, ' Nothing was imported.');
    }
  };

  const busy = step.name === 'reading' || step.name === 'importing';
  return (
    <>
      <PageHeader title={info.title} eyebrow={<Link to="/import">Import</Link>} subtitle={info.subtitle} />
      {problem && <Alert>{problem}</Alert>}

      {step.name !== 'done' && step.name !== 'mapping' && (
        <section className="card" aria-labelledby="import-file-heading">
          <h2 id="import-file-heading">{info.fileHeading}</h2>
          {info.instructions}
          <Field label={info.fileLabel} hint={info.fileHint}>
            {(c) => (
              <input
                {...c}
                key={fileKey}
                type="file"
                accept={info.accept}
                disabled={busy}
                onChange={(e) => void choose(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <p className="muted small">
            Importing again later is safe: people already here are recognized by their LinkedIn profile,
            e-mail, or name and organization, and nothing you edited yourself is overwritten.
          </p>
        </section>
      )}

      {step.name === 'reading' && <Loading what={`Reading ${step.file.name}`} />}

      {step.name === 'mapping' && (
        <CsvMappingStep
          fileName={step.file.name}
          columns={step.columns}
          mapping={step.mapping}
          onChange={(mapping) => setStep({ ...step, mapping })}
          onContinue={() => void previewMapped(step.file, step.columns, step.mapping)}
          onCancel={restart}
        />
      )}

      {step.name === 'preview' && (
        <section aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading">Preview</h2>
          <ImportCounts summary={step.summary} />
          {step.summary.counts.new + step.summary.counts.updated === 0 ? (
            <Notice>Everyone in this file is already here and up to date; there is nothing to import.</Notice>
          ) : (
            <div className="form-actions import-actions">
              <button
                type="button"
                className="button button-primary"
                onClick={() => void confirm(step.file, step.mapping)}
              >
                Import: add {formatCount(step.summary.counts.new)}, update{' '}
                {formatCount(step.summary.counts.updated)}
              </button>
              {step.mapping && step.columns && (
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    setStep({
                      name: 'mapping',
                      file: step.file,
                      columns: step.columns!,
                      mapping: step.mapping!,
                    })
                  }
                >
                  Change the columns
                </button>
              )}
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
          <SaveProgress
            label="Import progress"
            progress={step.progress}
            unit="people"
            waiting={`Matching ${step.file.name} with the people already here…`}
            what="import"
          />
        </section>
      )}

      {step.name === 'done' && (
        <section aria-labelledby="import-done-heading">
          <h2 id="import-done-heading">Import finished</h2>
          <Notice tone="success">{info.done}</Notice>
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
