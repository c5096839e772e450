import { Link } from 'react-router';
import { api, call } from '../api.js';
import { MeetingsSection } from '../meetings/meetings-section.js';
import { Alert } from '../ui/alert.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { CreditsSection } from './credits-section.js';
import { FunnelSection } from './funnel-section.js';
import { OfferRateSection } from './offer-rate-section.js';
import { ReplyBehaviourSection } from './reply-behaviour-section.js';
import { ReplyRateSection } from './reply-rate-section.js';
import { ResultsTabs } from './results-tabs.js';

/**
 * What the conversations produced: the funnel, offers and what each result is credited to, weekly
 * rhythm, reply rates and speed.
 */
export function ResultsPage() {
  const dashboard = useLoad('dashboard', () => call(api.opportunities.dashboard.$get()));
  const d = dashboard.data;
  return (
    <>
      <PageHeader
        title="Results"
        subtitle="What your conversations have led to so far, and which ways of asking work best for you."
        actions={
          <Link to="/results/opportunities?new=1" className="button button-primary">
            Record a result
          </Link>
        }
      />
      <ResultsTabs />
      {dashboard.error && <Alert>{dashboard.error.message}</Alert>}
      {!d && dashboard.loading && <Loading what="Counting your results" />}
      {d && (
        <div className="results-grid">
          <FunnelSection funnel={d.funnel} />
          <OfferRateSection figures={d.conversationsPerOffer} />
          <CreditsSection credits={d.credits} />
          <MeetingsSection meetings={d.meetingsPerWeek} />
          <ReplyRateSection replyRate={d.replyRate} medianDays={d.medianDaysToReply} />
          <ReplyBehaviourSection groups={d.replyBehaviour} />
        </div>
      )}
    </>
  );
}
