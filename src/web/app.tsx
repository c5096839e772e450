import { lazy, Suspense, useState } from 'react';
import { Route, Routes } from 'react-router';
import { signedInAccount } from './accounts/signed-in.js';
import { fetchPeoplePageEarly } from './people/people-first-page.js';
import { Loading } from './ui/loading.js';
import { NavBar } from './ui/nav-bar.js';
import { NotFoundPage } from './ui/not-found-page.js';
import { UnsavedChangesGuard } from './ui/unsaved-changes-guard.js';
import { useFocusOnNavigation } from './ui/use-focus-on-navigation.js';

// The outreach pages load on first visit, which keeps the first download small.
const ComposePage = lazy(() =>
  import('./outreach/compose-page.js').then((m) => ({ default: m.ComposePage })),
);
const TargetsPage = lazy(() =>
  import('./organizations/targets-page.js').then((m) => ({ default: m.TargetsPage })),
);
const SettingsPage = lazy(() =>
  import('./settings/settings-page.js').then((m) => ({ default: m.SettingsPage })),
);

const lazyPage = <K extends string>(load: () => Promise<Record<K, () => React.JSX.Element>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
// Every page loads on first visit (a few kilobytes each), which keeps the first download to
// React, the router and the app's frame; main.tsx starts loading the page asked for at once.
type PageComponent = () => React.JSX.Element;

/**
 * A page main.tsx can load before the first render. Once its code is here the page renders at
 * once, with no Suspense fallback between (React keeps a fallback on screen at least 300 ms).
 */
function firstPage<K extends string>(load: () => Promise<Record<K, PageComponent>>, name: K) {
  let loaded: PageComponent | undefined;
  const preload = (): Promise<PageComponent> =>
    load().then((m) => {
      loaded = m[name];
      return m[name];
    });
  const Lazy = lazy<PageComponent>(() => preload().then((page) => ({ default: page })));
  function Page() {
    // Chosen once per visit, so a later render never swaps the page for a fresh copy.
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return { Page, preload };
}

const home = firstPage(() => import('./agenda/home-page.js'), 'HomePage');
const people = firstPage(() => import('./people/people-page.js'), 'PeoplePage');
const HomePage = home.Page;
const PeoplePage = people.Page;
const ConversationNewPage = lazyPage(
  () => import('./conversations/conversation-new-page.js'),
  'ConversationNewPage',
);
const ConversationPage = lazyPage(() => import('./conversations/conversation-page.js'), 'ConversationPage');
const ConversationsPage = lazyPage(
  () => import('./conversations/conversations-page.js'),
  'ConversationsPage',
);
const OrganizationEditPage = lazyPage(
  () => import('./organizations/organization-edit-page.js'),
  'OrganizationEditPage',
);
const OrganizationPage = lazyPage(() => import('./organizations/organization-page.js'), 'OrganizationPage');
const OrganizationsPage = lazyPage(
  () => import('./organizations/organizations-page.js'),
  'OrganizationsPage',
);
const PersonEditPage = lazyPage(() => import('./people/person-edit-page.js'), 'PersonEditPage');
const PersonPage = lazyPage(() => import('./people/person-page.js'), 'PersonPage');

// Preparation, debrief and knowledge pages, also loaded on first visit.
const PlanPage = lazyPage(() => import('./meetings/plan-page.js'), 'PlanPage');
const BriefPage = lazyPage(() => import('./meetings/brief-page.js'), 'BriefPage');
const DebriefPage = lazyPage(() => import('./debrief/debrief-page.js'), 'DebriefPage');
const DocumentsPage = lazyPage(() => import('./documents/documents-page.js'), 'DocumentsPage');
const QuestionsPage = lazyPage(() => import('./meetings/questions-page.js'), 'QuestionsPage');
const RolesPage = lazyPage(() => import('./insights/roles-page.js'), 'RolesPage');
const RolePage = lazyPage(() => import('./insights/role-page.js'), 'RolePage');
const SearchPage = lazyPage(() => import('./search/search-page.js'), 'SearchPage');

// Network and results pages carry the graph and chart libraries, so they load on first visit too.
const NetworkPage = lazyPage(() => import('./network/network-page.js'), 'NetworkPage');
const ResultsPage = lazyPage(() => import('./results/results-page.js'), 'ResultsPage');
const OpportunitiesPage = lazyPage(() => import('./results/opportunities-page.js'), 'OpportunitiesPage');
const ImportPage = lazyPage(() => import('./imports/import-page.js'), 'ImportPage');
const BackupPage = lazyPage(() => import('./backup/backup-page.js'), 'BackupPage');
const DuplicatesPage = lazyPage(() => import('./people/duplicates-page.js'), 'DuplicatesPage');
const MergeReviewPage = lazyPage(() => import('./people/merge-review-page.js'), 'MergeReviewPage');
const TasksPage = lazyPage(() => import('./tasks/tasks-page.js'), 'TasksPage');
const MessagesPage = lazyPage(() => import('./outreach/messages-page.js'), 'MessagesPage');
const MailPage = lazyPage(() => import('./mail/mail-page.js'), 'MailPage');
const VerifyBanner = lazy(() =>
  import('./accounts/verify-banner.js').then((m) => ({ default: m.VerifyBanner })),
);
const CoachHomePage = lazyPage(() => import('./accounts/coach-home-page.js'), 'CoachHomePage');
// Loaded only while a coach has a client's workspace open (its cookie is set).
const CoachBanner = lazy(() =>
  import('./accounts/coach-banner.js').then((m) => ({ default: m.CoachBanner })),
);
const coachingCookie =
  typeof document !== 'undefined' && /(^|; )rapport_workspace=[^;]/.test(document.cookie);

/**
 * Starts loading the page at `pathname` before the first render, alongside the settings the app
 * waits for, so a first visit does not wait for the page's code after that; for People, its
 * first list too. Settles when the page's code is here (or could not be loaded: the page then
 * says so itself when it renders).
 */
export async function preloadPage(pathname: string, search: string): Promise<void> {
  let loading: Promise<unknown> | undefined;
  if (pathname === '/') loading = home.preload();
  else if (pathname === '/people') {
    loading = people.preload();
    fetchPeoplePageEarly(search);
  }
  await loading?.catch(() => undefined);
}

/** The page layout and every route of the app. */
export function App() {
  useFocusOnNavigation();
  const account = signedInAccount();
  return (
    <>
      <NavBar />
      {coachingCookie && (
        <Suspense fallback={null}>
          <CoachBanner />
        </Suspense>
      )}
      <UnsavedChangesGuard />
      {/* Focusable by script only, so the skip link can land on it. */}
      <main id="main" className="page" tabIndex={-1}>
        {account && !account.emailVerified && (
          <Suspense fallback={null}>
            <VerifyBanner email={account.email} serverSendsMail={account.serverSendsMail} />
          </Suspense>
        )}
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
            <Route path="/tasks" element={<TasksPage />} />
            <Route path="/messages" element={<MessagesPage />} />
            <Route path="/compose" element={<ComposePage />} />
            <Route path="/targets" element={<TargetsPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/settings/mail" element={<MailPage />} />
            <Route path="/conversations/:id/plan" element={<PlanPage />} />
            <Route path="/conversations/:id/brief" element={<BriefPage />} />
            <Route path="/conversations/:id/debrief" element={<DebriefPage />} />
            <Route path="/documents" element={<DocumentsPage />} />
            <Route path="/questions" element={<QuestionsPage />} />
            <Route path="/roles" element={<RolesPage />} />
            <Route path="/roles/:role" element={<RolePage />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/network" element={<NetworkPage />} />
            <Route path="/results" element={<ResultsPage />} />
            <Route path="/results/opportunities" element={<OpportunitiesPage />} />
            <Route path="/import" element={<ImportPage />} />
            <Route path="/import/:format" element={<ImportPage />} />
            <Route path="/backup" element={<BackupPage />} />
            <Route path="/coaching" element={<CoachHomePage />} />
            <Route path="/people/duplicates" element={<DuplicatesPage />} />
            <Route path="/people/duplicates/review" element={<MergeReviewPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
