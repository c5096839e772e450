import { useState } from 'react';
import { api, call, type Note } from '../api.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatDateTime } from '../ui/format.js';
import { NOTE_KIND_LABELS } from '../ui/labels.js';
import { Markdown } from '../ui/markdown.js';
import { NoteEditor } from './note-editor.js';

interface NoteItemProps {
  note: Note;
  /** Called after the note was edited or deleted, to refresh the list. */
  onChanged: () => void;
}

/** One note: its Markdown rendered safely, with edit and delete. */
export function NoteItem({ note, onChanged }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const edited = note.updatedAt !== note.createdAt;

  if (editing) {
    return (
      <li className="note">
        <NoteEditor
          label="Edit note"
          submitLabel="Save note"
          initialBody={note.body}
          initialKind={note.kind}
          draftKey={`draft:note:${note.id}`}
          savedAt={note.updatedAt}
          onCancel={() => setEditing(false)}
          onSubmit={async (body, kind) => {
            await call(
              api.notes[':id'].$patch({
                param: { id: note.id },
                json: { body, kind, version: note.version },
              }),
            );
            setEditing(false);
            onChanged();
          }}
        />
      </li>
    );
  }

  return (
    <li className="note">
      <div className="note-meta">
        <span className="tag">{NOTE_KIND_LABELS[note.kind]}</span>
        <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
        {edited && <span className="muted">(edited {formatDateTime(note.updatedAt)})</span>}
      </div>
      <Markdown text={note.body} />
      <div className="actions actions-small">
        <button type="button" className="button button-small button-quiet" onClick={() => setEditing(true)}>
          Edit
        </button>
        <ConfirmButton
          small
          label="Delete"
          question="Delete this note?"
          detail="The note is removed for good."
          confirmLabel="Delete note"
          onConfirm={async () => {
            await call(api.notes[':id'].$delete({ param: { id: note.id } }));
            onChanged();
          }}
        />
      </div>
    </li>
  );
}
