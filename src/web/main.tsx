import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App } from './app.js';
import './styles.css';
import './outreach.css';
import './outreach-lists.css';
import './network.css';
import './results.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

// A data router, which lets a form with unsaved changes ask before a link or Back leaves it; the
// app's own <Routes> sit under one catch-all route.
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
