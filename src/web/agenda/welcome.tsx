import { useState } from 'react';
import { Link } from 'react-router';
import { api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { useLoad } from '../ui/use-load.js';
import { knowsWhoYouAre, WelcomeYou } from './welcome-you.js';

/**
 * The first thing a new user sees: what Rapport is for, who and where they are (asked once, before
 * anything else), then ways to begin.
 */
export function Welcome({ onLoaded }: { onLoaded: (message: string) => void }) {
  const settings = useLoad('settings', () => call(api.settings.$get()));
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadSample = async () => {
    setLoading(true);
    setError(null);
    try {
      const r = await call(api.workspace.sample.$post());
      onLoaded(
        `Sample workspace loaded: ${r.people} people and ${r.conversations} conversations to explore.`,
      );
    } catch (err) {
      setError(describeError(err).message);
      setLoading(false);
    }
  };

  return (
    <section className="empty-state welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Your workspace is empty</h2>
      <p className="lead">
        Rapport helps you learn from people who do the work you are curious about, through short informational
        interviews: twenty to thirty minutes to ask about a company, a role or a career — never to ask for a
        job.
      </p>
      <ol className="steps">
        <li>
          <strong>Add people</strong> you could learn from, starting with those you already know.
        </li>
        <li>
          <strong>Plan a conversation</strong> with a few goals, send the request and schedule the meeting.
        </li>
        <li>
          <strong>Take notes and follow up</strong>: thank them, tell them what you did with their advice,
          keep in touch.
        </li>
      </ol>
      {settings.error && <Alert>{settings.error.message}</Alert>}
      {settings.data && !knowsWhoYouAre(settings.data) && (
        <WelcomeYou settings={settings.data} onSaved={settings.setData} />
      )}
      {settings.data && knowsWhoYouAre(settings.data) && (
        <>
          <p>
            You are <strong>{settings.data.myName}</strong>, on <strong>{settings.data.timeZone}</strong>{' '}
            time. <Link to="/settings">Change this in Settings</Link>.
          </p>
          {error && <Alert>{error}</Alert>}
          <div className="actions">
            <Link to="/people/new" className="button button-primary">
              Add your first person
            </Link>
            <button type="button" className="button" onClick={loadSample} disabled={loading}>
              {loading ? 'Loading the sample…' : 'Load sample workspace'}
            </button>
            <Link to="/backup" className="button">
              Restore from a backup
            </Link>
          </div>
          <p className="muted small">
            The sample is a career changer from teaching exploring learning design; look around, then start
            your own.
          </p>
        </>
      )}
    </section>
  );
}
