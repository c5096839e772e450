interface StaleNoticeProps {
  message: string;
  /** Replaces the form with the saved record. */
  onReload: () => void;
  /** Saves the form over the newer record. */
  onOverwrite: () => void;
  busy?: boolean;
}

/** Shown when someone else saved the record first: the typed values stay until the user decides. */
export function StaleNotice({ message, onReload, onOverwrite, busy }: StaleNoticeProps) {
  return (
    <div role="alert" className="alert alert-warning">
      <div className="alert-body">
        <p>{message}</p>
        <p>Your changes are still in the form below.</p>
      </div>
      <div className="alert-actions">
        <button type="button" className="button" onClick={onReload} disabled={busy}>
          Reload latest
        </button>
        <button type="button" className="button button-quiet" onClick={onOverwrite} disabled={busy}>
          Save my version anyway
        </button>
      </div>
    </div>
  );
}
