import { useState } from 'react';
import { Link } from 'react-router';
import { api, call, describeError, type Settings, type SettingsPatch } from '../api.js';
import { loadMailStatus } from '../mail/mail-api.js';
import { Alert } from '../ui/alert.js';
import { useLoad } from '../ui/use-load.js';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * The daily e-mail of Today's list: off unless switched on, sent from the connected mailbox to
 * itself at the chosen hour of the user's day, and only on days when something is due.
 */
export function DigestSettings({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (s: Settings) => void;
}) {
  const mail = useLoad('mail-status', loadMailStatus);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const connected = mail.data?.connected ?? false;

  const save = async (json: SettingsPatch) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await call(api.settings.$patch({ json })));
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="digest-heading">
      <h2 id="digest-heading">Daily e-mail</h2>
      {error && <Alert>{error}</Alert>}
      <label className="check">
        <input
          type="checkbox"
          checked={settings.digestEnabled}
          // Switching off always works; switching on needs a mailbox to send from.
          disabled={busy || (!settings.digestEnabled && !connected)}
          onChange={(e) => void save({ digestEnabled: e.target.checked })}
        />
        <span>E-mail me Today’s list each morning</span>
      </label>
      {mail.data && !connected ? (
        <p className="muted">
          This needs a connected mailbox: the e-mail goes from your mailbox to itself.{' '}
          <Link to="/settings/mail">Connect a mailbox</Link> first.
        </p>
      ) : (
        <p className="muted">
          {mail.data?.address ? `Sent to ${mail.data.address}` : 'Sent to your own address'} on days when
          something is due, with the week ahead below it. No e-mail on a day with nothing due.
        </p>
      )}
      <label className="digest-hour">
        Send it at{' '}
        <select
          value={settings.digestHour}
          disabled={busy || !settings.digestEnabled}
          onChange={(e) => void save({ digestHour: Number(e.target.value) })}
        >
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {`${String(h).padStart(2, '0')}:00`}
            </option>
          ))}
        </select>{' '}
        <span className="muted">your time ({settings.timeZone})</span>
      </label>
    </section>
  );
}
