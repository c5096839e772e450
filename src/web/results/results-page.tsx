import { Link } from 'react-router';
import { api, call } from '../api.js';
import { Alert } from '../components/alert.js';
import { FunnelSection } from '../components/funnel-section.js';
import { Loading } from '../components/loading.js';
import { MeetingsSection } from '../components/meetings-section.js';
import { OfferRateSection } from '../components/offer-rate-section.js';
import { PageHeader } from '../components/page-header.js';
import { ReplyBehaviourSection } from '../components/reply-behaviour-section.js';
import { ReplyRateSection } from '../components/reply-rate-section.js';
import { ResultsTabs } from '../components/results-tabs.js';
import { useLoad } from '../use-load.js';

/** What the conversations produced: the funnel, reply rates and speed, weekly rhythm, offers. */
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
          <MeetingsSection meetings={d.meetingsPerWeek} />
          <ReplyRateSection replyRate={d.replyRate} medianDays={d.medianDaysToReply} />
          <ReplyBehaviourSection groups={d.replyBehaviour} />
        </div>
      )}
    </>
  );
}
