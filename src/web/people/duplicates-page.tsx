import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { type DuplicatePair, listDuplicates, notTheSamePerson, reviewLink } from './duplicates-api.js';
import { RecentMerges } from './recent-merges.js';
import './duplicates.css';

function who(p: DuplicatePair['a']): string {
  return [p.title, p.organizationName, p.email].filter(Boolean).join(' · ');
}

/** People who are probably the same person, each pair with the reasons, to review or dismiss. */
export function DuplicatesPage() {
  const [version, setVersion] = useState(0);
  const pairs = useLoad(`duplicates:${version}`, () => listDuplicates(200));
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const dismiss = async (pair: DuplicatePair) => {
    setProblem(null);
    try {
      await notTheSamePerson(pair.a.id, pair.b.id);
      setNotice(
        `Noted: ${pair.a.fullName} and ${pair.b.fullName} are not the same person. They will not be proposed again.`,
      );
      setVersion((v) => v + 1);
    } catch (err) {
      setProblem(describeError(err).message);
    }
  };

  const list = pairs.data;
  return (
    <>
      <PageHeader
        title="Possible duplicates"
        eyebrow={<Link to="/people">People</Link>}
        subtitle="People who may have been added twice: the same LinkedIn profile, the same e-mail, or a similar name at the same organization."
      />
      {(problem || pairs.error) && <Alert>{problem ?? pairs.error?.message}</Alert>}
      {notice && <Notice tone="success">{notice}</Notice>}
      {!list && pairs.loading && <Loading what="Looking for duplicates" />}
      {list && list.total === 0 && (
        <EmptyState title="No likely duplicates">
          <p>
            Everyone appears once. Rapport looks again whenever you open this page, for example after an
            import.
          </p>
        </EmptyState>
      )}
      {list && list.total > 0 && (
        <>
          <p className="muted small" role="status">
            {list.total === 1 ? '1 pair to review' : `${list.total} pairs to review`}
            {list.items.length < list.total && ` (showing the first ${list.items.length})`}
          </p>
          <ul className="duplicate-list" aria-label="Possible duplicates">
            {list.items.map((pair) => (
              <li key={`${pair.a.id}:${pair.b.id}`} className="card duplicate-pair">
                <div className="duplicate-people">
                  {[pair.a, pair.b].map((p) => (
                    <div key={p.id}>
                      <Link to={`/people/${p.id}`} className="duplicate-name">
                        {p.fullName}
                      </Link>
                      <div className="muted small">{who(p) || 'No details yet'}</div>
                    </div>
                  ))}
                </div>
                <ul className="duplicate-reasons" aria-label="Why they look alike">
                  {pair.labels.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
                <div className="actions">
                  <Link
                    to={reviewLink(pair.a.id, pair.b.id)}
                    className="button button-primary"
                    aria-label={`Review ${pair.a.fullName} and ${pair.b.fullName}`}
                  >
                    Review
                  </Link>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => void dismiss(pair)}
                    aria-label={`${pair.a.fullName} and ${pair.b.fullName} are not the same person`}
                  >
                    Not the same person
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <RecentMerges onUndone={() => setVersion((v) => v + 1)} />
    </>
  );
}
