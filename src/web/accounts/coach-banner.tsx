import { useEffect } from 'react';
import { api, call } from '../api.js';
import { useLoad } from '../ui/use-load.js';
import { leaveSharedWorkspace, openWorkspaceId } from './coach-workspace.js';

/**
 * Shown above every page while a coach has a client's workspace open: whose it is, what a coach
 * may do there, and the way back. A workspace no longer shared sends the coach back at once.
 */
export function CoachBanner() {
  const id = openWorkspaceId();
  const shared = useLoad('coaching-shared', () => call(api.coaching.shared.$get()));
  const workspace = shared.data?.find((w) => w.id === id);
  const gone = shared.data !== undefined && !workspace;
  useEffect(() => {
    if (gone) leaveSharedWorkspace('/coaching?stopped=1');
  }, [gone]);
  if (!workspace) return null;
  return (
    <div className="notice coach-banner" role="status">
      <p>
        You are coaching <strong>{workspace.ownerName || workspace.ownerEmail}</strong>’s workspace. You can
        read everything, comment on conversations and suggest tasks; only {workspace.ownerName || 'its owner'}{' '}
        can change anything else.
      </p>
      <button type="button" className="button button-small" onClick={() => leaveSharedWorkspace()}>
        Back to your own workspace
      </button>
    </div>
  );
}
