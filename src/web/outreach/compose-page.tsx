import { Link, useSearchParams } from 'react-router';
import { Alert } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { ComposeForm } from './compose-form.js';
import { isOutgoingPurpose } from './compose-helpers.js';
import { type ComposeQuery, loadCompose } from './compose-setup.js';

/** Writes a message from a template, checks it as you type, and logs it once it is sent. */
export function ComposePage() {
  const [params] = useSearchParams();
  const purposeParam = params.get('purpose');
  const query: ComposeQuery = {
    personId: params.get('personId') ?? '',
    conversationId: params.get('conversationId') ?? '',
    purpose: isOutgoingPurpose(purposeParam) ? purposeParam : 'request',
  };
  const key = `${query.personId}|${query.conversationId}|${query.purpose}`;
  const setup = useLoad(`compose:${key}`, () => loadCompose(query));

  if (setup.error) {
    return (
      <>
        <PageHeader title="Write a message" eyebrow={<Link to="/">← Home</Link>} />
        <Alert>{setup.error.message}</Alert>
      </>
    );
  }
  if (!setup.data) return <Loading what="Preparing the message" />;
  if (setup.data.recipients.length === 0) {
    return (
      <>
        <PageHeader title="Write a message" eyebrow={<Link to="/">← Home</Link>} />
        <EmptyState
          title="Nobody to write to yet"
          actions={
            <Link to="/people/new" className="button button-primary">
              Add a person
            </Link>
          }
        >
          <p>Messages are written to someone. Add the person first, then come back here.</p>
        </EmptyState>
      </>
    );
  }
  return <ComposeForm key={key} setup={setup.data} initialPurpose={query.purpose} />;
}
