import { type FormEvent, useState } from 'react';
import { MAX_DOCUMENT_BYTES } from '../../domain/file-type.js';
import { api, call, describeError, type Problem } from '../api.js';
import type { StoredDocument } from '../meetings/preparation-api.js';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type DocumentKind,
  formatBytes,
} from '../meetings/preparation-labels.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';

const ACCEPT = '.pdf,.docx,.odt,.pptx,.png,.jpg,.jpeg,.txt,.md';
const TYPES_TEXT = 'PDF, Word (.docx), OpenDocument text, PowerPoint (.pptx), PNG, JPEG or plain text';

/** What went wrong with an upload, in words that say what to do, and the short note for the file field. */
function uploadProblem(problem: Problem): { message: string; field?: string } {
  // The server words the file's message as a sentence ("File is empty."); match its meaning.
  const file = problem.fieldErrors.file?.replace(/^File:? /, '').replace(/\.$/, '');
  if (problem.status === 413 || problem.code === 'too_large') {
    return {
      message:
        'This file is larger than 10 MB. Save a smaller copy (most PDF tools can reduce the size) and try again.',
      field: 'is larger than 10 MB',
    };
  }
  if (file === 'unsupported file type') {
    return {
      message: `This file was refused: it is not a ${TYPES_TEXT} file. Rapport checks what is inside the file, not its name.`,
      field: 'is not a supported type',
    };
  }
  if (file === 'is empty') return { message: 'This file is empty; choose another one.', field: file };
  if (file === 'is required' || file === 'Choose a file to upload') {
    return { message: 'Choose a file to upload.', field: 'is required' };
  }
  return { message: problem.message };
}

/** Uploads a resume, portfolio or letter, with its kind, a title and a version label. */
export function DocumentUploadForm({ onUploaded }: { onUploaded: (doc: StoredDocument) => void }) {
  const [kind, setKind] = useState<DocumentKind>('resume');
  const [title, setTitle] = useState('');
  const [versionLabel, setVersionLabel] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [uploading, setUploading] = useState(false);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setProblem(null);
    if (chosen && !title.trim()) setTitle(chosen.name.replace(/\.[^.]+$/, ''));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setProblem({ message: 'Choose a file to upload.', fields: { file: 'is required' } });
      return;
    }
    if (file.size > MAX_DOCUMENT_BYTES) {
      setProblem({
        message: `This file is ${formatBytes(file.size)}; documents can be at most 10 MB. Save a smaller copy and try again.`,
        fields: { file: 'is larger than 10 MB' },
      });
      return;
    }
    setUploading(true);
    setProblem(null);
    try {
      const doc = await call(
        api.documents.$post({
          form: { kind, title, file, ...(versionLabel.trim() ? { versionLabel: versionLabel.trim() } : {}) },
        }),
      );
      setTitle('');
      setVersionLabel('');
      setFile(null);
      setFileKey((k) => k + 1);
      onUploaded(doc);
    } catch (err) {
      const p = describeError(err);
      const described = uploadProblem(p);
      setProblem({
        message: described.message,
        fields: { ...p.fieldErrors, ...(described.field ? { file: described.field } : {}) },
      });
    } finally {
      setUploading(false);
    }
  };

  const errors = problem?.fields ?? {};
  return (
    <form className="form upload-form" onSubmit={submit} noValidate aria-busy={uploading}>
      {problem && <Alert>{problem.message}</Alert>}
      <div className="form-grid">
        <Field
          label="File"
          required
          error={errors.file}
          hint={`${TYPES_TEXT}; at most 10 MB.`}
          className="span-2"
        >
          {(c) => (
            <input
              {...c}
              key={fileKey}
              type="file"
              accept={ACCEPT}
              disabled={uploading}
              onChange={(e) => choose(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field label="Kind" error={errors.kind}>
          {(c) => (
            <select {...c} value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {DOCUMENT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Title" required error={errors.title}>
          {(c) => <input {...c} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field
          label="Version"
          error={errors.versionLabel}
          hint="e.g. “v3, data analyst” — so you know which one each person saw."
        >
          {(c) => (
            <input
              {...c}
              maxLength={100}
              value={versionLabel}
              onChange={(e) => setVersionLabel(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={uploading}>
          {uploading ? 'Uploading…' : 'Upload'}
        </button>
        {uploading && (
          <span role="status" className="upload-status">
            <progress aria-label="Upload progress" /> Uploading {file?.name}…
          </span>
        )}
      </div>
    </form>
  );
}
