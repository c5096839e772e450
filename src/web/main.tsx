import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { SignInPage } from './accounts/sign-in-page.js';
import { setSignedInAccount } from './accounts/signed-in.js';
import { api, call } from './api.js';
import { App, preloadPage } from './app.js';
import { setUserTimeZone } from './ui/format.js';
import { GuardedBrowserRouter } from './ui/guarded-router.js';
import './styles.css';
import './outreach/outreach.css';
import './outreach/outreach-lists.css';
import './network/network.css';
import './results/results.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const pageCode = preloadPage(window.location.pathname, window.location.search);

/**
 * Renders the app, or the sign-in page of a hosted server when nobody is signed in (or the page
 * of a password-reset link, signed in or not). Those pages are loaded only then, so local mode
 * never downloads them.
 */
async function render(signIn: SignInProps | null, resetPassword: boolean) {
  if (resetPassword) {
    const { ResetPasswordPage } = await import('./accounts/reset-password-page.js');
    createRoot(root!).render(
      <StrictMode>
        <ResetPasswordPage />
      </StrictMode>,
    );
    return;
  }
  if (!signIn) {
    createRoot(root!).render(
      <StrictMode>
        {/* A browser router whose links and Back can wait while a form with unsaved changes asks. */}
        <GuardedBrowserRouter>
          <App />
        </GuardedBrowserRouter>
      </StrictMode>,
    );
    return;
  }
  const { SignInPage: Page } = await import('./accounts/sign-in-page.js');
  createRoot(root!).render(
    <StrictMode>
      <Page {...signIn} />
    </StrictMode>,
  );
}

type SignInProps = Parameters<typeof SignInPage>[0];

// Every time on screen is read on the user's clock from Settings, so it is known before the first
// render; if the server cannot answer, the pages say so themselves. Asked alongside: whether this
// is a hosted server with nobody signed in, which shows the sign-in page instead (local mode never).
// The first page's code, already on its way, is waited for too: rendered with it, the page shows
// at once instead of behind a loading placeholder that React keeps up for at least 300 ms.
Promise.all([
  call(api.session.$get()).catch(() => null),
  call(api.settings.$get())
    .then((settings) => setUserTimeZone(settings.timeZone))
    .catch(() => undefined),
  pageCode,
]).then(([session]) => {
  const hosted = session?.mode === 'hosted';
  const signedOut = hosted && !session.account;
  if (hosted && session.account) setSignedInAccount(session.account);
  const resetPassword = hosted && window.location.pathname === '/reset-password';
  void render(signedOut ? { signUp: session.signUp ?? 'off' } : null, resetPassword);
});
