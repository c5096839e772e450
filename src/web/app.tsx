import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from './components/loading.js';
import { NavBar } from './components/nav-bar.js';
import { ConversationNewPage } from './pages/conversation-new-page.js';
import { ConversationPage } from './pages/conversation-page.js';
import { ConversationsPage } from './pages/conversations-page.js';
import { HomePage } from './pages/home-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { OrganizationEditPage } from './pages/organization-edit-page.js';
import { OrganizationPage } from './pages/organization-page.js';
import { OrganizationsPage } from './pages/organizations-page.js';
import { PeoplePage } from './pages/people-page.js';
import { PersonEditPage } from './pages/person-edit-page.js';
import { PersonPage } from './pages/person-page.js';

// The outreach pages load on first visit, which keeps the first download small.
const ComposePage = lazy(() => import('./pages/compose-page.js').then((m) => ({ default: m.ComposePage })));
const TargetsPage = lazy(() => import('./pages/targets-page.js').then((m) => ({ default: m.TargetsPage })));
const SettingsPage = lazy(() =>
  import('./pages/settings-page.js').then((m) => ({ default: m.SettingsPage })),
);

/** The page layout and every route of the app. */
export function App() {
  return (
    <>
      <NavBar />
      <main id="main" className="page">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/people" element={<PeoplePage />} />
            <Route path="/people/new" element={<PersonEditPage />} />
            <Route path="/people/:id" element={<PersonPage />} />
            <Route path="/people/:id/edit" element={<PersonEditPage />} />
            <Route path="/organizations" element={<OrganizationsPage />} />
            <Route path="/organizations/new" element={<OrganizationEditPage />} />
            <Route path="/organizations/:id" element={<OrganizationPage />} />
            <Route path="/organizations/:id/edit" element={<OrganizationEditPage />} />
            <Route path="/conversations" element={<ConversationsPage />} />
            <Route path="/conversations/new" element={<ConversationNewPage />} />
            <Route path="/conversations/:id" element={<ConversationPage />} />
            <Route path="/compose" element={<ComposePage />} />
            <Route path="/targets" element={<TargetsPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
