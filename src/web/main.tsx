import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { api, call } from './api.js';
import { App, preloadPage } from './app.js';
import { setUserTimeZone } from './ui/format.js';
import './styles.css';
import './outreach/outreach.css';
import './outreach/outreach-lists.css';
import './network/network.css';
import './results/results.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

// A data router, which lets a form with unsaved changes ask before a link or Back leaves it; the
// app's own <Routes> sit under one catch-all route.
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

preloadPage(window.location.pathname);

// Every time on screen is read on the user's clock from Settings, so it is known before the first
// render; if the server cannot answer, the pages say so themselves.
call(api.settings.$get())
  .then((settings) => setUserTimeZone(settings.timeZone))
  .catch(() => undefined)
  .finally(() =>
    createRoot(root).render(
      <StrictMode>
        <RouterProvider router={router} />
      </StrictMode>,
    ),
  );
