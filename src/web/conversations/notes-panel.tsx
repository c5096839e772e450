import { useId } from 'react';
import { api, call } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';
import { NoteEditor } from './note-editor.js';
import { NoteItem } from './note-item.js';

/** Exactly one of these names what the notes are about. */
export type NoteSubject = { personId: string } | { organizationId: string } | { conversationId: string };

interface NotesPanelProps {
  subject: NoteSubject;
  /** Called after a note was added, edited or deleted (e.g. to refresh a timeline). */
  onChanged?: () => void;
}

/** The notes about a person, organization or conversation, newest first, with a form to add one. */
export function NotesPanel({ subject, onChanged }: NotesPanelProps) {
  const headingId = useId();
  const key = JSON.stringify(subject);
  const notes = useLoad(key, () => call(api.notes.$get({ query: subject })));
  const changed = () => {
    notes.reload();
    onChanged?.();
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Notes</h2>
      <NoteEditor
        key={key}
        label="New note"
        submitLabel="Add note"
        clearOnSave
        draftKey={`draft:note:new:${Object.entries(subject)
          .map(([k, v]) => `${k}:${v}`)
          .join()}`}
        onSubmit={async (body, kind) => {
          await call(api.notes.$post({ json: { ...subject, body, kind } }));
          changed();
        }}
      />
      {notes.error && <Alert>{notes.error.message}</Alert>}
      {notes.loading && !notes.data && <Loading what="Loading notes" />}
      {notes.data && notes.data.length === 0 && <p className="muted">No notes yet.</p>}
      {notes.data && notes.data.length > 0 && (
        <ul className="notes">
          {notes.data.map((n) => (
            <NoteItem key={`${n.id}-${n.version}`} note={n} onChanged={changed} />
          ))}
        </ul>
      )}
    </section>
  );
}
