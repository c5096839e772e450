import { useEffect, useId, useRef } from 'react';
import { useLeaveBlocker } from './guarded-router.js';
import { hasUnsavedChanges, leavesPage } from './unsaved-changes.js';

/**
 * Asks before leaving a page whose form holds unsaved changes: an in-app link or Back opens a dialog
 * that defaults to staying; a reload or closing the tab gets the browser's own question.
 */
export function UnsavedChangesGuard() {
  const blocker = useLeaveBlocker(
    ({ currentLocation, nextLocation }) => hasUnsavedChanges() && leavesPage(currentLocation, nextLocation),
  );
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const ask = (e: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges()) return;
      e.preventDefault();
      // Older browsers ask only when a return value is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (blocker.state === 'blocked' && !d.open) {
      d.showModal();
      stay.current?.focus();
    } else if (blocker.state !== 'blocked' && d.open) {
      d.close();
    }
  }, [blocker.state]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className="confirm-dialog"
      // Escape closes the dialog: that means staying.
      onClose={() => blocker.state === 'blocked' && blocker.reset()}
    >
      <h2 id={titleId}>Leave without saving?</h2>
      <div className="dialog-detail">
        <p>What you typed on this page is not saved yet.</p>
      </div>
      <div className="actions">
        <button ref={stay} type="button" className="button button-primary" onClick={() => blocker.reset?.()}>
          Stay on this page
        </button>
        <button type="button" className="button button-danger-quiet" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </button>
      </div>
    </dialog>
  );
}
