import { type FormEvent, useState } from 'react';
import { NOTE_KINDS, type NoteKind } from '../../domain/vocab.js';
import { describeError, type Problem } from '../api.js';
import { Alert } from '../ui/alert.js';
import { DraftOffer } from '../ui/draft-offer.js';
import { Field } from '../ui/field.js';
import { NOTE_KIND_LABELS } from '../ui/labels.js';
import { Markdown } from '../ui/markdown.js';
import { useLocalDraft } from '../ui/use-local-draft.js';
import { useUnsavedChanges } from '../ui/use-unsaved-changes.js';

interface NoteEditorProps {
  label: string;
  submitLabel: string;
  initialBody?: string;
  initialKind?: NoteKind;
  /** Saves the note; a thrown ApiError is shown in the editor. */
  onSubmit: (body: string, kind: NoteKind) => Promise<void>;
  onCancel?: () => void;
  /** Empties the editor after a successful save (for adding several notes in a row). */
  clearOnSave?: boolean;
  /** Where the text is kept while it is typed, e.g. `draft:note:<id>`, so a reload does not lose it. */
  draftKey: string;
  /** When the note was last saved: a kept draft older than that is not offered. */
  savedAt?: string;
}

/** A Markdown textarea with a live preview, used to add and to edit notes. */
export function NoteEditor(props: NoteEditorProps) {
  const { label, submitLabel, onSubmit, onCancel, clearOnSave } = props;
  const [body, setBody] = useState(props.initialBody ?? '');
  const [kind, setKind] = useState<NoteKind>(props.initialKind ?? 'note');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const [baseline] = useState(() => ({ body: props.initialBody ?? '', kind: props.initialKind ?? 'note' }));
  useUnsavedChanges(body !== baseline.body || kind !== baseline.kind);
  const draft = useLocalDraft(
    props.draftKey,
    { body, kind },
    {
      baseline,
      recordSavedAt: props.savedAt,
      onRestore: (kept) => {
        setBody(kept.body);
        setKind(kept.kind);
      },
    },
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      await onSubmit(body, kind);
      draft.clear();
      if (clearOnSave) {
        setBody('');
        setKind('note');
      }
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="note-editor" onSubmit={submit} noValidate>
      <DraftOffer draft={draft} />
      {problem && !problem.fieldErrors.body && <Alert>{problem.message}</Alert>}
      <Field
        label={label}
        error={problem?.fieldErrors.body}
        hint="Markdown works: **bold**, _italic_, lists with - and links."
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={50000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      {body.trim() && (
        <section className="note-preview" aria-label="Preview">
          <p className="preview-label">Preview</p>
          <Markdown text={body} />
        </section>
      )}
      <div className="form-row form-row-end">
        <Field label="Kind" className="field-inline">
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as NoteKind)}>
              {NOTE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {NOTE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : submitLabel}
          </button>
          {onCancel && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                draft.clear();
                onCancel();
              }}
            >
              Cancel
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
