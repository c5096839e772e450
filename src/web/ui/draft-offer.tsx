import { formatDraftTime } from './local-draft.js';
import type { LocalDraft } from './use-local-draft.js';

/** "Restore your draft from 10:42?" with Restore and Discard, while a kept draft is on offer. */
export function DraftOffer({ draft }: { draft: LocalDraft }) {
  if (!draft.offeredAt) return null;
  const when = formatDraftTime(draft.offeredAt, new Date());
  return (
    <section className="notice notice-info draft-offer" aria-label="Unsaved draft">
      <p>
        Restore your draft from <time dateTime={draft.offeredAt}>{when}</time>? It was kept in this browser
        and never saved.
      </p>
      <div className="actions">
        <button type="button" className="button button-small button-primary" onClick={draft.restore}>
          Restore
        </button>
        <button type="button" className="button button-small button-quiet" onClick={draft.discard}>
          Discard
        </button>
      </div>
    </section>
  );
}
