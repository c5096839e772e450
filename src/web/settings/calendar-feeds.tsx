import { useState } from 'react';
import { api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatDateTime } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { ShownOnce } from '../ui/shown-once.js';
import { useLoad } from '../ui/use-load.js';

/**
 * Subscribable calendar feeds. The address holds a secret that the server keeps only as a
 * fingerprint, so it is shown once, right after it is made.
 */
export function CalendarFeeds() {
  const feeds = useLoad('calendar-feeds', () => call(api.calendar.feeds.$get()));
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const feed = await call(api.calendar.feeds.$post());
      setCreated(`${window.location.origin}${feed.path}`);
      feeds.reload();
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const list = feeds.data ?? [];
  return (
    <section className="card" aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">Calendar feeds</h2>
      <p>
        Subscribe to a feed in your calendar program to see your meetings there, along with what is due each
        day. Anyone who has the address can read the feed, so keep it private and revoke it if it leaks.
      </p>
      {error && <Alert>{error}</Alert>}
      {created && (
        <ShownOnce
          ready="Your new feed is ready."
          label="Feed address"
          what="address"
          value={created}
          onError={setError}
        />
      )}
      <button type="button" className="button button-primary feed-create" disabled={busy} onClick={create}>
        {busy ? 'Creating…' : 'Create a feed'}
      </button>
      {feeds.error && <Alert>{feeds.error.message}</Alert>}
      {!feeds.data && feeds.loading && <Loading what="Loading feeds" />}
      {feeds.data && list.length === 0 && <p className="muted">No feeds yet.</p>}
      {list.length > 0 && (
        <ul className="feeds" aria-label="Your calendar feeds">
          {list.map((f) => (
            <li key={f.id} className="feed">
              <span>
                Created {formatDateTime(f.createdAt)}
                {' · '}
                {f.revokedAt ? (
                  <span className="muted">revoked {formatDateTime(f.revokedAt)}</span>
                ) : (
                  <span className="tag tag-working">Active</span>
                )}
              </span>
              {!f.revokedAt && (
                <ConfirmButton
                  small
                  label="Revoke"
                  question="Revoke this feed?"
                  detail={<p>Calendars subscribed to it stop updating at once. This cannot be undone.</p>}
                  confirmLabel="Revoke feed"
                  busyLabel="Revoking…"
                  onConfirm={async () => {
                    await call(api.calendar.feeds[':id'].$delete({ param: { id: f.id } }));
                    feeds.reload();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {list.length > 0 && (
        <p className="muted small">
          Revoked feeds stay listed, so you can tell which address stopped working.
        </p>
      )}
    </section>
  );
}
