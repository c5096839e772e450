import { useEffect, useState } from 'react';

/** The service worker marks the page it serves from its kept copy when the server is out of reach. */
function servedOffline(): boolean {
  return document.querySelector('meta[name="rapport-offline"]') !== null;
}

/** Asks the server whether it answers again. */
async function serverAnswers(): Promise<boolean> {
  try {
    return (await fetch('/api/workspace', { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

/**
 * Installs the service worker that keeps the app's shell for offline use, once the page has
 * loaded so it never competes with the first screen. Only the built app has one (the build
 * writes sw.js); elsewhere the registration fails quietly.
 */
function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a worker the app still works online; there is nothing to tell the user.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/**
 * A calm notice while the app has no connection: the browser says it is offline, or the page
 * came from the kept copy because the server did not answer. While it shows, the server is asked
 * again every few seconds; once it answers the notice goes, and a kept copy reloads for fresh data.
 */
export function OfflineBanner() {
  const [offline, setOffline] = useState(() => !navigator.onLine || servedOffline());

  useEffect(registerServiceWorker, []);

  useEffect(() => {
    const goOffline = () => setOffline(true);
    window.addEventListener('offline', goOffline);
    return () => window.removeEventListener('offline', goOffline);
  }, []);

  useEffect(() => {
    if (!offline) return;
    let stopped = false;
    const check = async () => {
      if (!navigator.onLine || !(await serverAnswers()) || stopped) return;
      if (servedOffline()) window.location.reload();
      else setOffline(false);
    };
    const timer = window.setInterval(check, 5000);
    window.addEventListener('online', check);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener('online', check);
    };
  }, [offline]);

  if (!offline) return null;
  return (
    <div className="offline-banner" role="status">
      You are offline; Rapport will reconnect when your connection is back.
    </div>
  );
}
