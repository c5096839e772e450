import { useId, useState } from 'react';
import { api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatDateTime } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';

/**
 * Subscribable calendar feeds. The address holds a secret that the server keeps only as a
 * fingerprint, so it is shown once, right after it is made.
 */
export function CalendarFeeds() {
  const urlId = useId();
  const feeds = useLoad('calendar-feeds', () => call(api.calendar.feeds.$get()));
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    setCopied(false);
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

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created);
      setCopied(true);
    } catch {
      setError('The browser did not allow copying. Select the address and copy it by hand.');
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
        <div className="notice notice-success feed-created" role="status">
          <p>
            <strong>Your new feed is ready.</strong> Copy the address now: it is shown only this once.
          </p>
          <label htmlFor={urlId}>Feed address</label>
          <div className="form-row">
            <input
              id={urlId}
              className="feed-url"
              readOnly
              value={created}
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="button" onClick={copy}>
              {copied ? 'Copied' : 'Copy address'}
            </button>
          </div>
        </div>
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
